/**
 * Health checks: the component's readiness (credentials accepted, API reachable) and the base of the others.
 */
package org.camelbigmarker.health;
