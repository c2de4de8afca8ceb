package org.camelbigmarker;

import java.util.HashMap;
import java.util.Map;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/** Options of a BigMarker endpoint. The component holds one as the default for its endpoints; each endpoint a copy. */
@UriParams
public class BigMarkerConfiguration implements Cloneable {

    public static final String DEFAULT_BASE_URL = "https://www.bigmarker.com/api/v1";

    @UriParam
    private BigMarkerOperation operation;
    @UriParam(label = "security", secret = true)
    private String apiKey;
    @UriParam(label = "security")
    private String email;
    @UriParam(label = "security", secret = true)
    private String password;
    @UriParam(defaultValue = DEFAULT_BASE_URL)
    private String baseUrl = DEFAULT_BASE_URL;
    @UriParam(label = "security", defaultValue = "false")
    private boolean allowPlainHttp;
    @UriParam
    private String conferenceId;
    @UriParam
    private String channelId;
    @UriParam(prefix = "param.", multiValue = true)
    private Map<String, Object> parameters = new HashMap<>();
    @UriParam(defaultValue = "typed")
    private OutputType outputType = OutputType.typed;
    @UriParam(label = "producer", defaultValue = "false")
    private boolean allPages;
    @UriParam(label = "advanced", defaultValue = "3")
    private int maxRetries = 3;
    @UriParam(label = "advanced", defaultValue = "1000")
    @Metadata(javaType = "long")
    private long retryInitialDelay = 1000;
    @UriParam(label = "advanced", defaultValue = "30000")
    @Metadata(javaType = "long")
    private long retryMaxDelay = 30000;
    @UriParam(label = "advanced", defaultValue = "30000")
    @Metadata(javaType = "long")
    private long responseTimeout = 30000;

    public BigMarkerOperation getOperation() {
        return operation;
    }

    /**
     * The action to perform, one of the BigMarker API's 95 actions; it must belong to the endpoint's group. The
     * CamelBigMarkerOperation header overrides it per message.
     */
    public void setOperation(BigMarkerOperation operation) {
        this.operation = operation;
    }

    public String getApiKey() {
        return apiKey;
    }

    /** The BigMarker API key, sent as the API-KEY header. Either this, or email and password, is needed. */
    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getEmail() {
        return email;
    }

    /** Account email for the login action, used with password when no apiKey is set; the token is then reused. */
    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    /** Account password for the login action, used with email when no apiKey is set. */
    public void setPassword(String password) {
        this.password = password;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    /**
     * The API's base URL. Accounts on their own host use https://NAME.bigmarker.com/api/v1, as BigMarker's settings
     * page shows.
     */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public boolean isAllowPlainHttp() {
        return allowPlainHttp;
    }

    /** Allow an http:// base URL (the API key then travels unencrypted): for local testing only. */
    public void setAllowPlainHttp(boolean allowPlainHttp) {
        this.allowPlainHttp = allowPlainHttp;
    }

    public String getConferenceId() {
        return conferenceId;
    }

    /**
     * The conference_id parameter for every message of this endpoint (for register, register_or_update and
     * unregister, whose document names it id, it fills id).
     */
    public void setConferenceId(String conferenceId) {
        this.conferenceId = conferenceId;
    }

    public String getChannelId() {
        return channelId;
    }

    /** The channel_id parameter for every message of this endpoint. */
    public void setChannelId(String channelId) {
        this.channelId = channelId;
    }

    public Map<String, Object> getParameters() {
        return parameters;
    }

    /**
     * Any other parameter of the operation, by its API name: param.per_page=50&param.type=past. Lowest precedence:
     * the message body and headers override these.
     */
    public void setParameters(Map<String, Object> parameters) {
        this.parameters = parameters;
    }

    public OutputType getOutputType() {
        return outputType;
    }

    /** How results are returned: typed models, Maps, or Jackson JsonNodes. */
    public void setOutputType(OutputType outputType) {
        this.outputType = outputType;
    }

    public boolean isAllPages() {
        return allPages;
    }

    /**
     * For paged lists: return every page as one lazily fetched Iterator (split it with streaming) instead of the one
     * page asked for. Pages are fetched while the body is iterated, so memory holds one page at a time.
     */
    public void setAllPages(boolean allPages) {
        this.allPages = allPages;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    /**
     * How many times a call is repeated after 429 or 503, or after an I/O error when it is safe to repeat (reads,
     * register_or_update, updates, and calls that never reached the server). 0 disables repeats.
     */
    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getRetryInitialDelay() {
        return retryInitialDelay;
    }

    /** Milliseconds before the first repeat when the server sends no Retry-After; doubles for each repeat. */
    public void setRetryInitialDelay(long retryInitialDelay) {
        this.retryInitialDelay = retryInitialDelay;
    }

    public long getRetryMaxDelay() {
        return retryMaxDelay;
    }

    /**
     * The longest wait before a repeat, in milliseconds. A Retry-After asking for longer fails the call at once with
     * the wait in the exception.
     */
    public void setRetryMaxDelay(long retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    public long getResponseTimeout() {
        return responseTimeout;
    }

    /** Milliseconds to wait for BigMarker's answer once the request is sent. */
    public void setResponseTimeout(long responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public BigMarkerConfiguration copy() {
        try {
            BigMarkerConfiguration copy = (BigMarkerConfiguration) clone();
            copy.parameters = new HashMap<>(parameters);
            return copy;
        } catch (CloneNotSupportedException impossible) {
            throw new RuntimeCamelException(impossible);
        }
    }
}
