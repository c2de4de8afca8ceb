/**
 * The HTTP transport to BigMarker: one pooled client per component, credentials (API key or login token), bounded
 * answers, retries that never repeat a write unless BigMarker asked (429, 503), no redirects, TLS by default. Knows
 * HTTP and JSON envelopes, not operations.
 */
package org.camelbigmarker.client;
