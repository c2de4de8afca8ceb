package org.camelbigmarker.client;

import javax.net.ssl.SSLContext;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;

/**
 * Builds the one pooled HTTP client a component shares between its endpoints. Redirects are not followed: a redirect
 * would carry the API-KEY header to another host, and from this API it only means a wrong base URL. Automatic retries
 * are off: {@link BigMarkerClient} decides what may be repeated.
 */
public final class HttpClientFactory {

    private HttpClientFactory() {
    }

    public static CloseableHttpClient create(int maxConnections, long connectTimeoutMillis, String proxyHost,
                                             Integer proxyPort, SSLContext sslContext) {
        PoolingHttpClientConnectionManagerBuilder connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofMilliseconds(connectTimeoutMillis)).build());
        if (sslContext != null) {
            connections.setTlsSocketStrategy(new DefaultClientTlsStrategy(sslContext));
        }
        var builder = HttpClients.custom()
                .setConnectionManager(connections.build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .setUserAgent("camel-bigmarker");
        if (proxyHost != null && !proxyHost.isBlank()) {
            builder.setProxy(new HttpHost(proxyHost, proxyPort == null ? 8080 : proxyPort));
        }
        return builder.build();
    }
}
