package org.camelbigmarker;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.camelbigmarker.client.ApiKeySource;
import org.camelbigmarker.client.BaseUrl;
import org.camelbigmarker.client.BigMarkerClient;
import org.camelbigmarker.client.LoginTokenSource;
import org.camelbigmarker.client.ResponseReader;
import org.camelbigmarker.client.RetryPolicy;
import org.camelbigmarker.operation.InvalidParameterException;
import org.camelbigmarker.consumer.BigMarkerConsumer;
import org.camelbigmarker.producer.BigMarkerProducer;
import org.camelbigmarker.api.ApiCaller;
import org.camelbigmarker.api.JsonSupport;
import org.camelbigmarker.api.RequestFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Performs any action of the BigMarker webinar API, and delivers new registrations, conferences, conference starts and
 * ends, and post-webinar reports as they appear.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "bigmarker", title = "BigMarker", syntax = "bigmarker:group",
             category = { Category.SAAS, Category.API }, headersClass = BigMarkerConstants.class)
public class BigMarkerEndpoint extends ScheduledPollEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(BigMarkerEndpoint.class);

    @UriPath(description = "The API group the operation belongs to, as in the BigMarker API document")
    @Metadata(required = true)
    private BigMarkerGroup group;
    @UriParam
    private BigMarkerConfiguration configuration;

    private ApiCaller apiCaller;

    public BigMarkerEndpoint(String uri, BigMarkerComponent component, BigMarkerGroup group,
                             BigMarkerConfiguration configuration) {
        super(uri, component);
        this.group = group;
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() {
        return new BigMarkerProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        BigMarkerConsumer consumer = new BigMarkerConsumer(this, processor);
        consumer.setMaxMessagesPerPoll(configuration.getMaxMessagesPerPoll());
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        BaseUrl baseUrl = BaseUrl.check(configuration.getBaseUrl(), configuration.isAllowPlainHttp());
        baseUrl.warnings().forEach(LOG::warn);
        checkCredentials();
        if (configuration.getMaxResponseSize() < 1024) {
            throw new InvalidParameterException("maxResponseSize", "must be at least 1024 bytes, was "
                                                                   + configuration.getMaxResponseSize());
        }
        ObjectMapper mapper = JsonSupport.mapper();
        BigMarkerClient client = new BigMarkerClient(getComponent().sharedHttpClient(), baseUrl.uri(),
                new RetryPolicy(configuration.getMaxRetries(), configuration.getRetryInitialDelay(),
                        configuration.getRetryMaxDelay()),
                configuration.getResponseTimeout(), configuration.getMaxResponseSize(), new ResponseReader(mapper),
                BigMarkerClient.Sleeper.THREAD);
        ApiKeySource apiKeySource = hasText(configuration.getApiKey()) ? configuration::getApiKey
                : new LoginTokenSource(client, new RequestFactory(mapper).build(BigMarkerOperation.login,
                        new LinkedHashMap<>(Map.of("email", configuration.getEmail(),
                                "password", configuration.getPassword()))));
        apiCaller = new ApiCaller(client, apiKeySource);
    }

    private void checkCredentials() {
        boolean hasKey = hasText(configuration.getApiKey());
        boolean hasEmail = hasText(configuration.getEmail());
        boolean hasPassword = hasText(configuration.getPassword());
        if (!hasKey && hasEmail != hasPassword) {
            throw new InvalidParameterException(hasEmail ? "password" : "email",
                    "is missing: login needs both email and password");
        }
        if (!hasKey && !hasEmail && configuration.getOperation() != null
                && configuration.getOperation().needsApiKey()) {
            throw new InvalidParameterException("apiKey", "is missing: set apiKey, or email and password");
        }
    }

    /** Whether calls can be authenticated; the login operation itself needs no credentials. */
    public boolean hasCredentials() {
        return hasText(configuration.getApiKey())
                || hasText(configuration.getEmail()) && hasText(configuration.getPassword());
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
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

    /** Performs operations for this endpoint's producer and consumer; available once the endpoint started. */
    public ApiCaller getApiCaller() {
        return apiCaller;
    }
}
