package org.camelbigmarker;

import java.util.Arrays;
import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.util.PropertiesHelper;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.camelbigmarker.client.HttpClientFactory;
import org.camelbigmarker.operation.InvalidParameterException;

/**
 * The {@code bigmarker:} component. Holds the endpoints' default configuration and the one pooled HTTP client they
 * share: created on first use, closed when the component stops, unless the user supplied it (then it is theirs).
 */
@Component("bigmarker")
public class BigMarkerComponent extends DefaultComponent implements SSLContextParametersAware {

    @Metadata
    private BigMarkerConfiguration configuration = new BigMarkerConfiguration();
    @Metadata(label = "advanced", autowired = true,
              description = "A shared Apache HttpClient 5 to use instead of the one the component builds; the"
                            + " component never closes it.")
    private CloseableHttpClient httpClient;
    @Metadata(label = "advanced", defaultValue = "20",
              description = "Size of the connection pool shared by all endpoints of this component.")
    private int maxConnections = 20;
    @Metadata(label = "advanced", defaultValue = "10000",
              description = "Milliseconds to wait for a connection to BigMarker to open.")
    private long connectTimeout = 10000;
    @Metadata(label = "proxy", description = "HTTP proxy host.")
    private String proxyHost;
    @Metadata(label = "proxy", description = "HTTP proxy port.")
    private Integer proxyPort;
    @Metadata(label = "security", description = "TLS configuration (trust store, key store, protocols) for the"
                                                + " connection to BigMarker.")
    private SSLContextParameters sslContextParameters;
    @Metadata(label = "security", defaultValue = "false",
              description = "Use the global SSLContextParameters of the CamelContext.")
    private boolean useGlobalSslContextParameters;

    private CloseableHttpClient ownedHttpClient;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        BigMarkerConfiguration endpointConfiguration = configuration.copy();
        // param.* options are the operation's API parameters: taken out here, since no setter is named after them
        endpointConfiguration.getParameters().putAll(PropertiesHelper.extractProperties(parameters, "param."));
        BigMarkerEndpoint endpoint = new BigMarkerEndpoint(uri, this, groupOf(remaining), endpointConfiguration);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    private static BigMarkerGroup groupOf(String remaining) {
        try {
            return BigMarkerGroup.valueOf(remaining);
        } catch (IllegalArgumentException unknown) {
            throw new InvalidParameterException("group", "'" + remaining + "' is not a BigMarker group; use one of "
                                                         + Arrays.toString(BigMarkerGroup.values()));
        }
    }

    /** The shared client: the user's if one was given, else one built on first use from this component's options. */
    synchronized CloseableHttpClient sharedHttpClient() throws Exception {
        if (httpClient != null) {
            return httpClient;
        }
        if (ownedHttpClient == null) {
            SSLContextParameters ssl = sslContextParameters != null ? sslContextParameters
                    : useGlobalSslContextParameters ? retrieveGlobalSslContextParameters() : null;
            ownedHttpClient = HttpClientFactory.create(maxConnections, connectTimeout, proxyHost, proxyPort,
                    ssl == null ? null : ssl.createSSLContext(getCamelContext()));
        }
        return ownedHttpClient;
    }

    @Override
    protected synchronized void doStop() throws Exception {
        if (ownedHttpClient != null) {
            ownedHttpClient.close();
            ownedHttpClient = null;
        }
        super.doStop();
    }

    public BigMarkerConfiguration getConfiguration() {
        return configuration;
    }

    /** Default configuration for every endpoint of this component (apiKey, baseUrl, retries...). */
    public void setConfiguration(BigMarkerConfiguration configuration) {
        this.configuration = configuration;
    }

    public CloseableHttpClient getHttpClient() {
        return httpClient;
    }

    public void setHttpClient(CloseableHttpClient httpClient) {
        this.httpClient = httpClient;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }
}
