/**
 * The component's meters: {@link org.camelbigmarker.metrics.BigMarkerMeter}, the one table of them, the board that
 * keeps their figures, and their publication to Micrometer when present (docs/operations.md).
 * <p>
 * Internal: not part of the public API (docs/versioning.md); it may change in any release.
 */
package org.camelbigmarker.metrics;
