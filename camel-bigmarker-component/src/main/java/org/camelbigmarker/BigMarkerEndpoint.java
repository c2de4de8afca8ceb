package org.camelbigmarker;

import java.util.Map;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.camelbigmarker.consumer.BigMarkerConsumer;
import org.camelbigmarker.consumer.ConsumerSetup;
import org.camelbigmarker.producer.BigMarkerProducer;
import org.camelbigmarker.producer.ProducerSetup;
import org.camelbigmarker.api.ApiCaller;

/**
 * Performs any action of the BigMarker webinar API, and delivers new registrations, conferences, conference starts and
 * ends, and post-webinar reports as they appear.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "bigmarker", title = "BigMarker", syntax = "bigmarker:group",
             category = { Category.SAAS, Category.API }, headersClass = BigMarkerConstants.class)
public class BigMarkerEndpoint extends ScheduledPollEndpoint implements EndpointServiceLocation {

    @UriPath(description = "The API group the operation belongs to, as in the BigMarker API document")
    @Metadata(required = true)
    private BigMarkerGroup group;
    @UriParam
    private BigMarkerConfiguration configuration;

    private ApiCaller apiCaller;
    private ApiCaller backgroundApiCaller;
    /** Decided at start: the producer asks for every message. */
    private Credentials credentials;

    public BigMarkerEndpoint(String uri, BigMarkerComponent component, BigMarkerGroup group,
                             BigMarkerConfiguration configuration) {
        super(uri, component);
        this.group = group;
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() {
        return new BigMarkerProducer(this, new ProducerSetup() {
            @Override
            public BigMarkerGroup group() {
                return group;
            }

            @Override
            public BigMarkerConfiguration configuration() {
                return configuration;
            }

            @Override
            public ApiCaller caller() {
                return apiCaller;
            }

            @Override
            public void checkCredentialsFor(BigMarkerOperation operation) {
                credentials.checkFor(operation);
            }
        });
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        // every consumer calls the API (reads, or sets its webhooks): without credentials it could only fail each poll
        Credentials.of(configuration).checkForConsumer();
        BigMarkerConsumer consumer = new BigMarkerConsumer(this, processor,
                new ConsumerSetup(group, configuration, () -> backgroundApiCaller, getClock(),
                        getComponent().getSleeper(), getComponent().meterBoard(),
                        getComponent()::backgroundExecutor));
        consumer.setMaxMessagesPerPoll(configuration.getMaxMessagesPerPoll());
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        OptionRanges.check(configuration);
        Credentials.checkLoginPair(configuration);
        credentials = Credentials.of(configuration);
        credentials.checkFor(configuration.getOperation());
        apiCaller = getComponent().createApiCaller(configuration);
        backgroundApiCaller = apiCaller.inBackground();
    }

    /** Whether calls can be authenticated; the login operation itself needs no credentials. */
    public boolean hasCredentials() {
        return (credentials != null ? credentials : Credentials.of(configuration)).present();
    }

    @Override
    public BigMarkerComponent getComponent() {
        return (BigMarkerComponent) super.getComponent();
    }

    public BigMarkerGroup getGroup() {
        return group;
    }

    /** The API group the operation belongs to. */
    public void setGroup(BigMarkerGroup group) {
        this.group = group;
    }

    public BigMarkerConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(BigMarkerConfiguration configuration) {
        this.configuration = configuration;
    }

    /** Camel's service views (dev consoles, tracing) show which host this endpoint talks to: never credentials. */
    @Override
    public String getServiceUrl() {
        return configuration.getBaseUrl();
    }

    @Override
    public String getServiceProtocol() {
        return configuration.getBaseUrl() != null && configuration.getBaseUrl().startsWith("http:") ? "http" : "https";
    }

    @Override
    public Map<String, String> getServiceMetadata() {
        return configuration.getOperation() == null ? null
                : Map.of("operation", configuration.getOperation().name(), "group", group.name());
    }

    /**
     * For operators (the bigmarker dev console): what this endpoint's calls came to (calls, repeats, throttling
     * answers, failures) and, under a request budget, the account's budget; empty until the endpoint started.
     */
    public Map<String, Object> callStatistics() {
        if (apiCaller == null) {
            return Map.of();
        }
        Map<String, Object> statistics = new java.util.LinkedHashMap<>(apiCaller.statistics().asMap());
        statistics.putAll(apiCaller.budgetView());
        return statistics;
    }

    /** The one source of time of this endpoint's consumer: the component's clock. */
    public java.time.Clock getClock() {
        return getComponent().getClock();
    }
}
