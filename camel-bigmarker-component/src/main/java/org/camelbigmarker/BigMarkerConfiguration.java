package org.camelbigmarker;

import java.util.HashMap;
import java.util.Map;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.camelbigmarker.state.ConsumerStore;

/** Options of a BigMarker endpoint. The component holds one as the default for its endpoints; each endpoint a copy. */
@UriParams
public class BigMarkerConfiguration implements Cloneable {

    public static final String DEFAULT_BASE_URL = "https://www.bigmarker.com/api/v1";

    // Camel's metadata lists an endpoint's options flat, so they all live here, grouped by who reads them; the
    // consumers read theirs once, through ReadSettings and ReportSettings.

    // every endpoint: the operation, credentials, and where the operation's parameters come from
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
    // producer
    @UriParam(label = "producer", defaultValue = "false")
    private boolean allPages;
    // consumers: what is watched, how it is read, where state is kept
    @UriParam(label = "consumer", defaultValue = "newItems")
    private ConsumerEvent event = ConsumerEvent.newItems;
    @UriParam(label = "consumer", defaultValue = "beginning")
    private String startFrom = "beginning";
    @UriParam(label = "consumer")
    private String identity;
    @UriParam(label = "consumer", defaultValue = "300")
    @Metadata(javaType = "long")
    private long overlap = 300;
    @UriParam(label = "consumer", defaultValue = "3600")
    @Metadata(javaType = "long")
    private long reconcileInterval = 3600;
    @UriParam(label = "consumer", defaultValue = "604800")
    @Metadata(javaType = "long")
    private long reconcileHorizon = 604800;
    @UriParam(label = "consumer")
    private ConsumerStore consumerStore;
    @UriParam(label = "consumer")
    private IdempotentRepository idempotentRepository;
    @UriParam(label = "consumer")
    private StateRepository<String, String> stateRepository;
    @UriParam(label = "consumer", defaultValue = "0")
    private int maxMessagesPerPoll;
    // the reports consumer (event=reports)
    @UriParam(label = "consumer")
    private String reports;
    @UriParam(label = "consumer", defaultValue = "true")
    private boolean splitReportRows = true;
    @UriParam(label = "consumer", defaultValue = "720")
    @Metadata(javaType = "long")
    private long onDemandWindowHours = 720;
    @UriParam(label = "consumer", defaultValue = "86400")
    @Metadata(javaType = "long")
    private long emptyReportWait = 86400;
    @UriParam(label = "consumer", defaultValue = "3600")
    @Metadata(javaType = "long")
    private long reportRecheckInterval = 3600;
    // consumers: failing items
    @UriParam(label = "consumer", defaultValue = "5")
    private int maxDeliveryAttempts = 5;
    @UriParam(label = "consumer", defaultValue = "600")
    @Metadata(javaType = "long")
    private long claimTimeout = 600;
    // consumers: BigMarker's webhooks, with the poll as reconciliation (docs/webhooks.md)
    @UriParam(label = "consumer,webhook", defaultValue = "false")
    private boolean webhook;
    @UriParam(label = "consumer,webhook")
    private String webhookBaseUrl;
    @UriParam(label = "consumer,webhook", defaultValue = "/bigmarker/webhooks")
    private String webhookPath = "/bigmarker/webhooks";
    @UriParam(label = "consumer,webhook", defaultValue = "false")
    private boolean webhookKeepRegistration;
    @UriParam(label = "consumer,webhook", defaultValue = "65536")
    private int webhookMaxBodySize = 65536;
    @UriParam(label = "consumer,webhook", defaultValue = "3600")
    @Metadata(javaType = "long")
    private long webhookConferenceCheckInterval = 3600;
    // transport: retries, timeouts, limits
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
    @UriParam(label = "advanced", defaultValue = "33554432")
    private int maxResponseSize = 32 * 1024 * 1024;
    @UriParam(label = "advanced", defaultValue = "10000")
    private int maxPages = 10000;

    public BigMarkerOperation getOperation() {
        return operation;
    }

    /**
     * The action to perform, one of the BigMarker API's actions (the reference lists them); it must belong to the
     * endpoint's group. The CamelBigMarkerOperation header overrides it per message.
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
     * The conference_id parameter for every message of this endpoint; where the document names that parameter id
     * (the reference marks those), it fills id.
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
     * Any other parameter of the operation, by its API name, e.g. param.per_page=50 and param.type=past. Lowest precedence:
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

    public ConsumerEvent getEvent() {
        return event;
    }

    /**
     * What the consumer delivers: the new items of the endpoint's list operation (newItems), an event of the
     * conferences' lifecycle, the post-webinar reports, or an event only BigMarker's webhooks bring (those need
     * webhook=true). Each value is a kind of consumer in the table of docs/consumers.md.
     */
    public void setEvent(ConsumerEvent event) {
        this.event = event;
    }

    public String getStartFrom() {
        return startFrom;
    }

    /**
     * Where a consumer without saved state starts: beginning (every item the server holds), now (only items that
     * appear from now on, by BigMarker's clock), or a time (ISO-8601 or Unix seconds; operations with a start_time
     * filter only). Saved state always wins, so a restart with durable state resumes where it stopped.
     */
    public void setStartFrom(String startFrom) {
        this.startFrom = startFrom;
    }

    public String getIdentity() {
        return identity;
    }

    /**
     * The item fields (API names, comma-separated) that make an item the same item on the next poll, for the
     * consumers of any other list (newItems) and report rows; the other kinds of consumer key their items themselves
     * (registrations by email, conferences by id), so that the poll and the webhook agree, and refuse this option.
     * Default: the first of id, bmid and email the item has, else its whole content.
     */
    public void setIdentity(String identity) {
        this.identity = identity;
    }

    public long getOverlap() {
        return overlap;
    }

    /**
     * Seconds the start_time filter reaches back before the cursor, so that items BigMarker indexes late are still
     * seen; the de-duplication store keeps the overlap from delivering twice.
     */
    public void setOverlap(long overlap) {
        this.overlap = overlap;
    }

    public long getReconcileInterval() {
        return reconcileInterval;
    }

    /**
     * Seconds between two reconciliations of a list with a time filter (0: never): the whole horizon before the
     * cursor is read again and whatever the regular polls missed is delivered (a server clock ahead of the items'
     * times, an item moved past a read by a deletion, any behaviour the API document does not promise). Costs one
     * read of the horizon (its items / per_page requests) per interval and list.
     */
    public void setReconcileInterval(long reconcileInterval) {
        this.reconcileInterval = reconcileInterval;
    }

    public long getReconcileHorizon() {
        return reconcileHorizon;
    }

    /**
     * Seconds before the cursor a reconciliation reads (default 7 days). The de-duplication store must keep keys at
     * least this long.
     */
    public void setReconcileHorizon(long reconcileHorizon) {
        this.reconcileHorizon = reconcileHorizon;
    }

    public ConsumerStore getConsumerStore() {
        return consumerStore;
    }

    /**
     * Where the consumer keeps what it delivered and where it stands, one entry per key: in memory by default, or a
     * JdbcConsumerStore (PostgreSQL, H2) to survive restarts and to share between nodes. It forgets keys no read can
     * return again. Wins over idempotentRepository and stateRepository.
     */
    public void setConsumerStore(ConsumerStore consumerStore) {
        this.consumerStore = consumerStore;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    /**
     * Where the keys of delivered items are kept. By default in memory, every key (memory grows with the items
     * delivered, about 100 bytes each). Use a durable one (file, JDBC) to survive restarts and for large channels, a
     * shared one to run on several nodes. A store that forgets keys (an LRU cache) can deliver forgotten items again.
     */
    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    /**
     * Where cursors (BigMarker's time of the last complete poll per scope) and tracked conferences are kept (in memory
     * by default). Durable and shared like the idempotentRepository.
     */
    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public int getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    /** The most items one poll delivers (0: no limit). The rest follow on the next poll; nothing is skipped. */
    public void setMaxMessagesPerPoll(int maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }

    public String getReports() {
        return reports;
    }

    /**
     * For event=reports: the report operations to deliver, comma-separated (default: every operation of the
     * reporting group, as the reference lists them).
     */
    public void setReports(String reports) {
        this.reports = reports;
    }

    public boolean isSplitReportRows() {
        return splitReportRows;
    }

    /** For event=reports: one exchange per report row (true) or one per report (false). */
    public void setSplitReportRows(boolean splitReportRows) {
        this.splitReportRows = splitReportRows;
    }

    public long getOnDemandWindowHours() {
        return onDemandWindowHours;
    }

    /** For event=reports: how many hours after a conference ended new on-demand attendees are looked for. */
    public void setOnDemandWindowHours(long onDemandWindowHours) {
        this.onDemandWindowHours = onDemandWindowHours;
    }

    public long getEmptyReportWait() {
        return emptyReportWait;
    }

    /**
     * For event=reports: seconds after a conference is seen ended during which its reports may still change (default
     * a day): a report that answers 404, is empty or has only some of its rows is read again on the report schedule
     * (docs/consumers.md) and its new rows delivered. After that a report is final: an empty one delivers nothing (an
     * empty List with splitReportRows=false). An empty summary is never delivered.
     */
    public void setEmptyReportWait(long emptyReportWait) {
        this.emptyReportWait = emptyReportWait;
    }

    public long getReportRecheckInterval() {
        return reportRecheckInterval;
    }

    /**
     * For event=reports: the longest wait, in seconds, between two reads of an ended conference's reports. They are
     * read 5 minutes apart at first, then a tenth of the time since the end apart, up to this (default an hour): a
     * report that becomes ready after a wait W is delivered within 5 minutes or W/10, whichever is longer, up to this.
     */
    public void setReportRecheckInterval(long reportRecheckInterval) {
        this.reportRecheckInterval = reportRecheckInterval;
    }

    public int getMaxDeliveryAttempts() {
        return maxDeliveryAttempts;
    }

    /**
     * How many times the route may fail for one item before the consumer gives up on it (0: never): it is then
     * recorded as delivered, so that the consumer moves on, and reported through the consumer's exception handler
     * (to the route's error handler with bridgeErrorHandler=true). Attempts are counted in memory: a restart counts
     * anew. Each exchange carries its attempt in the CamelBigMarkerDeliveryAttempt header.
     */
    public void setMaxDeliveryAttempts(int maxDeliveryAttempts) {
        this.maxDeliveryAttempts = maxDeliveryAttempts;
    }

    public boolean isWebhook() {
        return webhook;
    }

    /**
     * Receive BigMarker's webhooks through Camel's platform-http, beside the poll, which then serves as the
     * reconciliation: an item that comes both ways is delivered once, a webhook that never came is caught by the poll.
     * Offered for every kind of consumer that BigMarker has a webhook for (new registrations, each conference event;
     * the table of docs/consumers.md lists them). The consumer sets the conferences' webhooks at start (and on new
     * conferences every webhookConferenceCheckInterval) and restores them at stop. Needs camel-platform-http with an
     * engine, and webhookBaseUrl.
     */
    public void setWebhook(boolean webhook) {
        this.webhook = webhook;
    }

    public String getWebhookBaseUrl() {
        return webhookBaseUrl;
    }

    /**
     * The public URL under which BigMarker reaches this application's platform-http server (e.g.
     * https://integrations.example.com, through your reverse proxy); the route's webhook path and token are added.
     */
    public void setWebhookBaseUrl(String webhookBaseUrl) {
        this.webhookBaseUrl = webhookBaseUrl;
    }

    public String getWebhookPath() {
        return webhookPath;
    }

    /** The path on the platform-http server under which the webhook routes listen. */
    public void setWebhookPath(String webhookPath) {
        this.webhookPath = webhookPath;
    }

    public boolean isWebhookKeepRegistration() {
        return webhookKeepRegistration;
    }

    /** Leave the conference's webhook pointing at this route when the consumer stops (default: restore it). */
    public void setWebhookKeepRegistration(boolean webhookKeepRegistration) {
        this.webhookKeepRegistration = webhookKeepRegistration;
    }

    public long getWebhookConferenceCheckInterval() {
        return webhookConferenceCheckInterval;
    }

    /**
     * Seconds between two looks for new conferences to point the webhook at (webhook=true on a channel's or the
     * account's conferences): each look lists them, a request per 100 conferences. 0: at every poll. Until a new
     * conference's webhook is set, its items come by the poll.
     */
    public void setWebhookConferenceCheckInterval(long webhookConferenceCheckInterval) {
        this.webhookConferenceCheckInterval = webhookConferenceCheckInterval;
    }

    public int getWebhookMaxBodySize() {
        return webhookMaxBodySize;
    }

    /** Webhook requests with a longer body are refused (HTTP 413) without reaching the route. */
    public void setWebhookMaxBodySize(int webhookMaxBodySize) {
        this.webhookMaxBodySize = webhookMaxBodySize;
    }

    public long getClaimTimeout() {
        return claimTimeout;
    }

    /**
     * Seconds a claim on an item lasts (default 600): keep it longer than the route takes for one item. Each
     * delivery of an item (a thread, the webhook, the poll, another node) must claim it first, and only one holds it.
     * The claim is renewed while the item is in flight and ends when it is delivered or its exchange fails; this time
     * only frees the items of a node that died.
     */
    public void setClaimTimeout(long claimTimeout) {
        this.claimTimeout = claimTimeout;
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

    public int getMaxResponseSize() {
        return maxResponseSize;
    }

    /**
     * The largest answer, in bytes, that is read (default 32 MiB); a larger one fails the call with an error naming
     * this option, without being read into memory. Error answers are read up to 4 KB whatever this says.
     */
    public void setMaxResponseSize(int maxResponseSize) {
        this.maxResponseSize = maxResponseSize;
    }

    public int getMaxPages() {
        return maxPages;
    }

    /**
     * The most pages one read of a list may take (allPages=true, and every consumer poll); more fail the read with an
     * error naming this option, so that a server that pages without end is never read without end.
     */
    public void setMaxPages(int maxPages) {
        this.maxPages = maxPages;
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
