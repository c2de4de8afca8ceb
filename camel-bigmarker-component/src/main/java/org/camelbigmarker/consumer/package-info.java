/**
 * The consumer side: {@link org.camelbigmarker.consumer.BigMarkerConsumer} (a scheduled batch consumer that polls a
 * feed and receives webhooks), {@link org.camelbigmarker.consumer.ConsumerKind}, the table of consumer kinds, and the
 * factories that build a consumer's feed and webhook from its row and options. Subpackages by role, each depending
 * only on those after it: {@code webhook} (what BigMarker pushes), {@code feed} (what is new, and the state that says
 * so), {@code delivery} (once in effect). docs/how-the-consumer-works.md follows one item through them.
 * <p>
 * Internal: not part of the public API (docs/versioning.md); it may change in any release.
 */
package org.camelbigmarker.consumer;
