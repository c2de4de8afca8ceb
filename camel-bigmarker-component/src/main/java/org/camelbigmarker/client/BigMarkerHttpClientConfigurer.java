package org.camelbigmarker.client;

import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/**
 * Customises the HTTP client the component builds (interceptors, metrics, a user agent, default headers), the way
 * camel-http's HttpClientConfigurer does. It runs before the component applies what it never leaves to anyone else:
 * its own connection pool (TLS, proxy, timeouts from the component's options), no redirects (a redirect would carry
 * the API-KEY header and the body to another host), no automatic retries (the component alone decides what may be
 * repeated: a write never is once it may have reached BigMarker) and no cookies. Setting any of those here has no
 * effect.
 */
@FunctionalInterface
public interface BigMarkerHttpClientConfigurer {

    void configureHttpClient(HttpClientBuilder builder);
}
