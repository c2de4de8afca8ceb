package org.camelbigmarker;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.util.PropertiesHelper;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.camelbigmarker.api.ApiCaller;
import org.camelbigmarker.api.JsonSupport;
import org.camelbigmarker.api.RequestFactory;
import org.camelbigmarker.client.ApiKeySource;
import org.camelbigmarker.client.BaseUrl;
import org.camelbigmarker.client.BigMarkerClient;
import org.camelbigmarker.client.LoginTokenSource;
import org.camelbigmarker.client.RequestBudgets;
import org.camelbigmarker.client.ResponseReader;
import org.camelbigmarker.client.RetryPolicy;
import org.camelbigmarker.health.BigMarkerComponentHealthCheck;
import org.camelbigmarker.metrics.AccountMeters;
import org.camelbigmarker.metrics.BigMarkerMeter;
import org.camelbigmarker.metrics.MeterBoard;
import org.camelbigmarker.metrics.MeterRegistries;
import org.camelbigmarker.client.BigMarkerHttpClientConfigurer;
import org.camelbigmarker.client.HttpClientFactory;
import org.camelbigmarker.operation.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code bigmarker:} component. Holds the endpoints' default configuration and the one pooled HTTP client they
 * share: created on first use, closed when the component stops. No ready-made client is accepted, because the
 * component could not vouch for its redirects, retries or TLS; {@link BigMarkerHttpClientConfigurer} customises the
 * one it builds.
 */
@Component("bigmarker")
@ManagedResource(description = "BigMarker component: requests to the API (docs/operations.md)")
public class BigMarkerComponent extends DefaultComponent implements SSLContextParametersAware {

    private static final Logger LOG = LoggerFactory.getLogger(BigMarkerComponent.class);
    private static final List<String> SECRET_OPTIONS = List.of("apiKey", "password");
    /**
     * The consumers' poll delay when the endpoint sets none: a minute, so that an idle consumer costs about 60 requests
     * an hour against a rate-limited API (Camel's scheduler default, half a second, would cost 7,200).
     */
    public static final long POLL_DELAY_MILLIS = 60_000;
    /** The poll's delay beside webhooks when the endpoint sets none: the poll is the reconciliation (docs/webhooks.md). */
    public static final long WEBHOOK_RECONCILIATION_DELAY_MILLIS = 300_000;

    @Metadata
    private BigMarkerConfiguration configuration = new BigMarkerConfiguration();
    @Metadata(label = "advanced",
              description = "Customises the HTTP client the component builds (interceptors, metrics, default headers)."
                            + " It cannot turn on redirects or automatic retries, nor replace the connection pool:"
                            + " the component sets those after it.")
    private BigMarkerHttpClientConfigurer httpClientConfigurer;
    @Metadata(label = "advanced", defaultValue = "20",
              description = "Size of the connection pool shared by all endpoints of this component.")
    private int maxConnections = 20;
    @Metadata(label = "advanced", defaultValue = "10000",
              description = "Milliseconds to wait for a connection to BigMarker to open.")
    private long connectTimeout = 10000;
    @Metadata(label = "advanced", defaultValue = "100",
              description = "Milliseconds a pooled connection may be idle before it is checked before reuse, so that"
                            + " no request is written to a connection BigMarker already closed.")
    private long validateAfterInactivity = 100;
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

    @Metadata(label = "advanced", defaultValue = "2",
              description = "Threads of the one executor that does the consumers' own background work (keeping the"
                            + " claims of items in flight alive), shared by every consumer of this component.")
    private int backgroundThreads = 2;

    @Metadata(label = "advanced", defaultValue = "0",
              description = "Requests a minute that all endpoints of this component together may send to one BigMarker"
                            + " account (a base URL with its API key or login), spaced evenly: 60 s / requestsPerMinute"
                            + " apart, repeats included. Producers' requests take the next free slot before consumers'"
                            + " polls, which slow down instead. Set it to the account's rate limit (or below) when"
                            + " BigMarker throttles it; 0 paces nothing. See docs/performance.md.")
    private int requestsPerMinute;

    /** Not an option: the one source of time of the consumers, replaced by tests that drive time. */
    private java.time.Clock clock = java.time.Clock.systemUTC();
    /** Not an option: how waits (repeats, request budget) pass; tests and simulations drive the clock instead. */
    private BigMarkerClient.Sleeper sleeper = BigMarkerClient.Sleeper.THREAD;
    private RequestBudgets budgets;
    private CloseableHttpClient ownedHttpClient;
    private BigMarkerComponentHealthCheck healthCheck;
    private final AtomicBoolean warnedOfSecretInUri = new AtomicBoolean();
    /** The figures of every consumer and account of this component, published to Micrometer when present. */
    private final MeterBoard meters = new MeterBoard();
    private final Map<String, AccountMeters> accountMeters = new ConcurrentHashMap<>();
    private Runnable unpublishMeters = () -> {
    };
    private ScheduledExecutorService background;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        BigMarkerConfiguration endpointConfiguration = configuration.copy();
        // param.* options are the operation's API parameters: taken out here, since no setter is named after them
        endpointConfiguration.getParameters().putAll(PropertiesHelper.extractProperties(parameters, "param."));
        warnOfSecretsInTheUri(parameters);
        BigMarkerEndpoint endpoint = new BigMarkerEndpoint(uri, this, groupOf(remaining), endpointConfiguration);
        boolean delayGiven = parameters.containsKey("delay");
        setProperties(endpoint, parameters);
        if (!delayGiven) { // a SaaS API's request cost, not Camel's half second (docs/consumers.md)
            endpoint.setDelay(endpoint.getConfiguration().isWebhook() ? WEBHOOK_RECONCILIATION_DELAY_MILLIS
                    : POLL_DELAY_MILLIS);
        }
        return endpoint;
    }

    /**
     * Camel masks secret options where it logs a URI, but some of its own views show endpoint URIs as they are (the
     * endpoint and route-structure dev consoles in JSON, for one). A secret set on the component is in no URI at all.
     */
    private void warnOfSecretsInTheUri(Map<String, Object> parameters) {
        for (String secret : SECRET_OPTIONS) {
            if (parameters.containsKey(secret) && warnedOfSecretInUri.compareAndSet(false, true)) {
                LOG.warn("The BigMarker {} is set in an endpoint URI. Camel masks it in logs, but some of Camel's views"
                         + " (dev consoles, route dumps) show endpoint URIs unmasked: set it on the component instead"
                         + " (camel.component.bigmarker.{}), see docs/security.md", secret, secret);
            }
        }
    }

    private static BigMarkerGroup groupOf(String remaining) {
        try {
            return BigMarkerGroup.valueOf(remaining);
        } catch (IllegalArgumentException unknown) {
            throw new InvalidParameterException("group", "'" + remaining + "' is not a BigMarker group; use one of "
                                                         + Arrays.toString(BigMarkerGroup.values()));
        }
    }

    /**
     * A caller for one configuration (base URL, credentials, retries, limits) on the shared client: the endpoints'
     * and the component health check's. Checks the base URL and the limits first, naming the option at fault.
     */
    ApiCaller createApiCaller(BigMarkerConfiguration settings) throws Exception {
        BaseUrl baseUrl = BaseUrl.check(settings.getBaseUrl(), settings.isAllowPlainHttp());
        baseUrl.warnings().forEach(LOG::warn);
        ObjectMapper mapper = JsonSupport.mapper();
        Credentials credentials = Credentials.of(settings);
        BigMarkerClient client = new BigMarkerClient(sharedHttpClient(), baseUrl.uri(),
                new RetryPolicy(settings.getMaxRetries(), settings.getRetryInitialDelay(), settings.getRetryMaxDelay()),
                settings.getResponseTimeout(), settings.getMaxResponseSize(), new ResponseReader(mapper), sleeper,
                budgets().of(baseUrl.uri().toString(), credentials.account()));
        client.reportTo(accountMeters.computeIfAbsent(baseUrl.uri().getHost(),
                host -> new AccountMeters(meters, host)));
        return new ApiCaller(client, apiKeySource(credentials, settings, client, mapper));
    }

    /**
     * The key as configured; else a token from logging in with email and password; else none: an endpoint of the
     * login operation carries its credentials in its message, and any other call fails naming the option.
     */
    private static ApiKeySource apiKeySource(Credentials credentials, BigMarkerConfiguration settings,
                                             BigMarkerClient client, ObjectMapper mapper) {
        return switch (credentials.kind()) {
            case API_KEY -> settings::getApiKey;
            case LOGIN -> new LoginTokenSource(client, new RequestFactory(mapper).build(BigMarkerOperation.login,
                    new LinkedHashMap<>(Map.of("email", settings.getEmail(), "password", settings.getPassword()))));
            case NONE -> () -> {
                throw Credentials.missing();
            };
        };
    }

    /** The accounts' request budgets, made on first use from requestsPerMinute. */
    private synchronized RequestBudgets budgets() {
        if (budgets == null) {
            OptionRanges.check(this); // made from checked values, whichever starts first
            budgets = new RequestBudgets(requestsPerMinute, clock, sleeper);
        }
        return budgets;
    }

    /** The shared client, built on first use from this component's options; closed when the component stops. */
    synchronized CloseableHttpClient sharedHttpClient() throws Exception {
        if (ownedHttpClient == null) {
            OptionRanges.check(this); // made from checked values, whichever starts first
            SSLContextParameters ssl = sslContextParameters != null ? sslContextParameters
                    : useGlobalSslContextParameters ? retrieveGlobalSslContextParameters() : null;
            ownedHttpClient = HttpClientFactory.create(new HttpClientFactory.Settings(maxConnections, connectTimeout,
                    validateAfterInactivity, proxyHost, proxyPort,
                    ssl == null ? null : ssl.createSSLContext(getCamelContext()), httpClientConfigurer));
        }
        return ownedHttpClient;
    }

    /**
     * With Camel's health checks on and credentials on the component, a readiness check of the component itself
     * (credentials accepted, API reachable) beside the consumers' checks.
     */
    @Override
    protected void doStart() throws Exception {
        super.doStart();
        OptionRanges.check(configuration); // the defaults it gives endpoints, before any endpoint copies them
        OptionRanges.check(this);
        unpublishMeters = MeterRegistries.bind(getCamelContext(), meters);
        LOG.info(startLine());
        HealthCheckRegistry registry = HealthCheckRegistry.get(getCamelContext());
        if (registry != null && Credentials.of(configuration).present()) {
            healthCheck = new BigMarkerComponentHealthCheck(createApiCaller(configuration).inBackground(),
                    configuration.getBaseUrl());
            registry.register(healthCheck);
        }
    }

    /** What this component talks to, and how, without a secret: the one INFO line at start. */
    String startLine() {
        return "BigMarker component: base URL " + configuration.getBaseUrl() + ", credentials "
               + Credentials.of(configuration).describe() + ", request budget "
               + (requestsPerMinute > 0 ? requestsPerMinute + " requests a minute per account" : "none")
               + ", consumers' default store " + (configuration.getConsumerStore() != null
                       ? configuration.getConsumerStore().getClass().getSimpleName() : "memory, one per consumer");
    }

    @Override
    protected synchronized void doStop() throws Exception {
        if (healthCheck != null) {
            HealthCheckRegistry registry = HealthCheckRegistry.get(getCamelContext());
            if (registry != null) {
                registry.unregister(healthCheck);
            }
            healthCheck = null;
        }
        if (ownedHttpClient != null) {
            ownedHttpClient.close();
            ownedHttpClient = null;
        }
        budgets = null;
        unpublishMeters.run();
        if (background != null) {
            getCamelContext().getExecutorServiceManager().shutdown(background);
            background = null;
        }
        super.doStop();
    }

    /** Not an option: where the consumers and clients of this component count what they do. */
    MeterBoard meterBoard() {
        return meters;
    }

    /**
     * The one executor of the consumers' own background work (renewing claims of items in flight), shared by every
     * consumer of this component and sized by backgroundThreads: its threads do not grow with the consumers.
     */
    synchronized ScheduledExecutorService backgroundExecutor() {
        if (background == null) {
            background = getCamelContext().getExecutorServiceManager().newScheduledThreadPool(this,
                    "BigMarkerBackground", backgroundThreads);
        }
        return background;
    }

    @ManagedAttribute(description = "Calls to the API, all outcomes (bigmarker.requests)")
    public long getRequests() {
        return (long) meters.total(BigMarkerMeter.REQUESTS, Map.of());
    }

    @ManagedAttribute(description = "Attempts repeated after 429, 503 or an I/O error (bigmarker.requests.repeats)")
    public long getRequestRepeats() {
        return (long) meters.total(BigMarkerMeter.REQUEST_REPEATS, Map.of());
    }

    @ManagedAttribute(description = "Seconds requests waited for the request budget (bigmarker.requests.budget.wait)")
    public double getBudgetWaitSeconds() {
        return meters.total(BigMarkerMeter.BUDGET_WAIT, Map.of());
    }

    public BigMarkerConfiguration getConfiguration() {
        return configuration;
    }

    /** Default configuration for every endpoint of this component (apiKey, baseUrl, retries...). */
    public void setConfiguration(BigMarkerConfiguration configuration) {
        this.configuration = configuration;
    }

    public BigMarkerHttpClientConfigurer getHttpClientConfigurer() {
        return httpClientConfigurer;
    }

    public void setHttpClientConfigurer(BigMarkerHttpClientConfigurer httpClientConfigurer) {
        this.httpClientConfigurer = httpClientConfigurer;
    }

    public long getValidateAfterInactivity() {
        return validateAfterInactivity;
    }

    public void setValidateAfterInactivity(long validateAfterInactivity) {
        this.validateAfterInactivity = validateAfterInactivity;
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

    public int getBackgroundThreads() {
        return backgroundThreads;
    }

    public void setBackgroundThreads(int backgroundThreads) {
        this.backgroundThreads = backgroundThreads;
    }

    public int getRequestsPerMinute() {
        return requestsPerMinute;
    }

    public void setRequestsPerMinute(int requestsPerMinute) {
        this.requestsPerMinute = requestsPerMinute;
    }

    /** For tests and simulations that drive time: waits (repeats, the request budget) advance it instead. */
    public BigMarkerClient.Sleeper getSleeper() {
        return sleeper;
    }

    public void setSleeper(BigMarkerClient.Sleeper sleeper) {
        this.sleeper = java.util.Objects.requireNonNull(sleeper, "sleeper");
    }

    /** The clock every consumer of this component reads time from (claims, schedules, Retry-After quiet). */
    public java.time.Clock getClock() {
        return clock;
    }

    /** For tests that drive time instead of waiting for it; applications keep the system clock. */
    public void setClock(java.time.Clock clock) {
        this.clock = java.util.Objects.requireNonNull(clock, "clock");
    }
}
