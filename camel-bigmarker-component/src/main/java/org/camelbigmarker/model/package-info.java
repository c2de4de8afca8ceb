/**
 * Typed results: the BigMarker objects the operations return. Public API.
 */
package org.camelbigmarker.model;
