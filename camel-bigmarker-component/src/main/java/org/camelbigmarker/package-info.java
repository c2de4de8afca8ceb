/**
 * The bigmarker: component: {@link org.camelbigmarker.BigMarkerComponent}, its endpoints and options
 * ({@link org.camelbigmarker.BigMarkerConfiguration}), headers ({@link org.camelbigmarker.BigMarkerConstants}) and
 * the operation table {@link org.camelbigmarker.BigMarkerOperation}, from which requests, validation and the
 * reference docs derive. Public API.
 */
package org.camelbigmarker;
