/**
 * Health checks: the component's readiness (credentials accepted, API reachable) and the base of the others.
 * <p>
 * Internal: not part of the public API (docs/versioning.md); it may change in any release.
 */
package org.camelbigmarker.health;
