package org.camelbigmarker.client;

import javax.net.ssl.SSLContext;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Builds the one pooled HTTP client a component shares between its endpoints. The user's
 * {@link BigMarkerHttpClientConfigurer} runs first; then the component sets what keeps every request safe, so that no
 * customisation can undo it:
 * <ul>
 * <li>redirects are not followed: a redirect would carry the API-KEY header and the body to another host, and from
 * this API it only means a wrong base URL;</li>
 * <li>automatic retries are off: {@link BigMarkerClient} decides what may be repeated, and never repeats a write;</li>
 * <li>the connection pool is the component's (its TLS, proxy, timeouts and size), and a pooled connection idle for
 * longer than {@code validateAfterInactivity} is checked before reuse, so that a request is not written to a
 * connection the server already closed (a write failing there could not be repeated).</li>
 * </ul>
 */
public final class HttpClientFactory {

    private HttpClientFactory() {
    }

    /** What the component's options say about its client. */
    public record Settings(int maxConnections, long connectTimeoutMillis, long validateAfterInactivityMillis,
            String proxyHost, Integer proxyPort, SSLContext sslContext, BigMarkerHttpClientConfigurer configurer) {
    }

    public static CloseableHttpClient create(Settings settings) {
        HttpClientBuilder builder = HttpClients.custom().setUserAgent("camel-bigmarker");
        if (settings.configurer() != null) {
            settings.configurer().configureHttpClient(builder);
        }
        PoolingHttpClientConnectionManagerBuilder connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(settings.maxConnections())
                .setMaxConnPerRoute(settings.maxConnections())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofMilliseconds(settings.connectTimeoutMillis()))
                        .setValidateAfterInactivity(TimeValue.ofMilliseconds(settings.validateAfterInactivityMillis()))
                        .build());
        if (settings.sslContext() != null) {
            connections.setTlsSocketStrategy(new DefaultClientTlsStrategy(settings.sslContext()));
        }
        builder.setConnectionManager(connections.build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .setConnectionManagerShared(false)
                .disableCookieManagement();
        if (settings.proxyHost() != null && !settings.proxyHost().isBlank()) {
            builder.setProxy(new HttpHost(settings.proxyHost(),
                    settings.proxyPort() == null ? 8080 : settings.proxyPort()));
        }
        return builder.build();
    }
}
