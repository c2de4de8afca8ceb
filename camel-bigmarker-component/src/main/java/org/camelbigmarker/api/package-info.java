/**
 * Turning an operation and its parameters into a checked request and a typed answer: parameter collection,
 * request building, paging ({@link org.camelbigmarker.api.Pager}: one set of paging rules for the producer and every
 * consumer) and result mapping. Shared by the producer and the consumers; knows nothing of either.
 * <p>
 * Internal: not part of the public API (docs/versioning.md); it may change in any release.
 */
package org.camelbigmarker.api;
