/**
 * The consumer side: {@link org.camelbigmarker.consumer.BigMarkerConsumer} (a scheduled batch consumer that polls a
 * feed and receives webhooks) and {@link org.camelbigmarker.consumer.ConsumerKind}, the table of consumer kinds from
 * which feeds, identities, webhook scopes and docs derive. Subpackages by role: {@code delivery} (exactly once),
 * {@code feed} (what is new, and the state that says so), {@code webhook} (what BigMarker pushes).
 */
package org.camelbigmarker.consumer;
