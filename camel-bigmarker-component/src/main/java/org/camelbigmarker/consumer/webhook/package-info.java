/**
 * What BigMarker pushes: the platform-http route of a webhook consumer, the receiver that refuses what is not
 * BigMarker's POST, the registration (and restoration) of conferences' webhook fields, the URL token and the health
 * check.
 */
package org.camelbigmarker.consumer.webhook;
