/**
 * The bigmarker dev console: consumer progress and endpoint call statistics for operators.
 * <p>
 * Internal: not part of the public API (docs/versioning.md); it may change in any release.
 */
package org.camelbigmarker.console;
