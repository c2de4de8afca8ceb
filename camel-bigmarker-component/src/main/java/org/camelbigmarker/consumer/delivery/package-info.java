/**
 * Once in effect: {@link org.camelbigmarker.consumer.delivery.DeliveryLedger} owns claims (one per delivery, renewed
 * while in flight), attempts, poison items and recording, for the poll and the webhook alike;
 * {@link org.camelbigmarker.consumer.delivery.DeliveryRound} lets progress happen only from recorded state.
 * <p>
 * Internal: not part of the public API (docs/versioning.md); it may change in any release.
 */
package org.camelbigmarker.consumer.delivery;
