/**
 * What BigMarker pushes: the listener of a webhook consumer (a platform-http consumer), the receiver that refuses
 * what is not BigMarker's POST, the registration (and restoration) of conferences' webhook fields, the URL token and
 * the health check.
 * <p>
 * Internal: not part of the public API (docs/versioning.md); it may change in any release.
 */
package org.camelbigmarker.consumer.webhook;
