/**
 * The producer: one generic executor of the operation table, with lazy paging for whole lists.
 * <p>
 * Internal: not part of the public API (docs/versioning.md); it may change in any release.
 */
package org.camelbigmarker.producer;
