package org.camelbigmarker.testing;

import java.net.URI;

import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.camelbigmarker.api.ApiCaller;
import org.camelbigmarker.api.JsonSupport;
import org.camelbigmarker.client.BigMarkerClient;
import org.camelbigmarker.client.ResponseReader;
import org.camelbigmarker.client.RetryPolicy;

/** A real caller (HttpClient 5, the component's answer reader) for unit tests of the classes that read the API. */
public final class Callers {

    private Callers() {
    }

    /** No repeats, no budget: each call is one request, as a test counts them. */
    public static ApiCaller to(String baseUrl, String apiKey) {
        BigMarkerClient client = new BigMarkerClient(HttpClients.createDefault(), URI.create(baseUrl),
                new RetryPolicy(0, 0, 0), 5_000, 1 << 20, new ResponseReader(JsonSupport.mapper()), millis -> {
                }, null);
        return new ApiCaller(client, () -> apiKey);
    }
}
