/**
 * What is new: list feeds (cursor, overlap, reconciliation), the reports feed (ended conferences and their
 * reports) and pushed-only feeds, each handing items to an {@link org.camelbigmarker.consumer.delivery.Emitter}; item
 * identities; and {@link org.camelbigmarker.consumer.feed.FeedState}, the one typed view of the consumer store.
 * <p>
 * Internal: not part of the public API (docs/versioning.md); it may change in any release.
 */
package org.camelbigmarker.consumer.feed;
