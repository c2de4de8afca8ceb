package org.camelbigmarker.api;

import java.io.IOException;
import java.util.Map;

import org.camelbigmarker.BigMarkerOperation;
import org.camelbigmarker.client.ApiKeySource;
import org.camelbigmarker.client.ApiResponse;
import org.camelbigmarker.client.BigMarkerClient;
import org.camelbigmarker.client.CallStatistics;

/**
 * Performs one operation with parameters given by API name: builds and checks the request from the operation table,
 * sends it, and returns the checked answer. Shared by the producer and the consumers.
 */
public final class ApiCaller {

    private final BigMarkerClient client;
    private final ApiKeySource keys;
    private final RequestFactory requests = new RequestFactory(JsonSupport.mapper());

    public ApiCaller(BigMarkerClient client, ApiKeySource keys) {
        this.client = client;
        this.keys = keys;
    }

    /** What this caller's client did so far (calls, repeats, throttling answers, failures). */
    public CallStatistics statistics() {
        return client.statistics();
    }

    public ApiResponse call(BigMarkerOperation operation, Map<String, Object> parameters) throws IOException {
        return client.execute(requests.build(operation, parameters), operation.result().bodyKind(), keys);
    }
}
