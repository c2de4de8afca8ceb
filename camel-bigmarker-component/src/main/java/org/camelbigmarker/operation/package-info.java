/**
 * The vocabulary of the operation table: routes, parameter specs and types, body encodings, effects, paging and
 * result specs, and the error that names a bad parameter. Public API.
 */
package org.camelbigmarker.operation;
