package org.camelbigmarker.api;

import java.io.IOException;
import java.util.Map;

import org.camelbigmarker.BigMarkerOperation;
import org.camelbigmarker.client.ApiKeySource;
import org.camelbigmarker.client.ApiResponse;
import org.camelbigmarker.client.BigMarkerClient;
import org.camelbigmarker.client.CallStatistics;
import org.camelbigmarker.client.RequestPriority;

/**
 * Performs one operation with parameters given by API name: builds and checks the request from the operation table,
 * sends it, and returns the checked answer. Shared by the producer and the consumers.
 */
public final class ApiCaller {

    private final BigMarkerClient client;
    private final ApiKeySource keys;
    private final RequestPriority priority;
    private final RequestFactory requests = new RequestFactory(JsonSupport.mapper());

    /** A producer's caller: under a request budget its requests go before the consumers'. */
    public ApiCaller(BigMarkerClient client, ApiKeySource keys) {
        this(client, keys, RequestPriority.FOREGROUND);
    }

    private ApiCaller(BigMarkerClient client, ApiKeySource keys, RequestPriority priority) {
        this.client = client;
        this.keys = keys;
        this.priority = priority;
    }

    /** The same caller for a consumer: under a request budget its requests give way to producers'. */
    public ApiCaller inBackground() {
        return new ApiCaller(client, keys, RequestPriority.BACKGROUND);
    }

    /** What this caller's client did so far (calls, repeats, throttling answers, failures). */
    public CallStatistics statistics() {
        return client.statistics();
    }

    /** The account's request budget as operators see it; empty when requests are not paced. */
    public Map<String, Object> budgetView() {
        return client.budget() == null ? Map.of() : client.budget().asMap();
    }

    public ApiResponse call(BigMarkerOperation operation, Map<String, Object> parameters) throws IOException {
        return client.execute(requests.build(operation, parameters), operation.result().bodyKind(), keys,
                priority);
    }
}
