/**
 * The producer: one generic executor of the operation table, with lazy paging for whole lists.
 */
package org.camelbigmarker.producer;
