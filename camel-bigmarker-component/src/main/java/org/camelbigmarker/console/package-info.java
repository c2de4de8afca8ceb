/**
 * The bigmarker dev console: consumer progress and endpoint call statistics for operators.
 */
package org.camelbigmarker.console;
