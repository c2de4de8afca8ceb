package org.camelbigmarker.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Route;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.URISupport;
import org.camelbigmarker.BigMarkerEndpoint;
import org.camelbigmarker.consumer.BigMarkerConsumer;

/**
 * The {@code bigmarker} dev console: per consumer, where it stands (last poll, last error, cursor, store); per
 * endpoint, what its client did (calls, repeats, throttling answers, failures). Endpoint URIs are shown sanitized,
 * and nothing here holds a credential.
 */
@DevConsole(group = "camel", name = "bigmarker", displayName = "BigMarker",
            description = "BigMarker consumers (cursor, last poll, last error, store) and calls (repeats, 429s)")
public class BigMarkerDevConsole extends AbstractDevConsole {

    public BigMarkerDevConsole() {
        super("camel", "bigmarker", "BigMarker",
                "BigMarker consumers (cursor, last poll, last error, store) and calls (repeats, 429s)");
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("consumers", consumers());
        view.put("endpoints", endpoints());
        return view;
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder text = new StringBuilder();
        consumers().forEach(consumer -> text.append("Consumer ").append(consumer).append('\n'));
        endpoints().forEach(endpoint -> text.append("Endpoint ").append(endpoint).append('\n'));
        return text.toString();
    }

    private List<Map<String, Object>> consumers() {
        List<Map<String, Object>> consumers = new ArrayList<>();
        for (Route route : getCamelContext().getRoutes()) {
            if (route.getConsumer() instanceof BigMarkerConsumer consumer) {
                Map<String, Object> status = new LinkedHashMap<>();
                status.put("uri", URISupport.sanitizeUri(route.getEndpoint().getEndpointUri()));
                status.putAll(consumer.status());
                consumers.add(status);
            }
        }
        return consumers;
    }

    private List<Map<String, Object>> endpoints() {
        List<Map<String, Object>> endpoints = new ArrayList<>();
        getCamelContext().getEndpoints().stream().filter(BigMarkerEndpoint.class::isInstance)
                .map(BigMarkerEndpoint.class::cast).filter(endpoint -> endpoint.getApiCaller() != null)
                .forEach(endpoint -> {
                    Map<String, Object> calls = new LinkedHashMap<>();
                    calls.put("uri", URISupport.sanitizeUri(endpoint.getEndpointUri()));
                    calls.put("host", endpoint.getServiceUrl());
                    calls.putAll(endpoint.getApiCaller().statistics().asMap());
                    calls.putAll(endpoint.getApiCaller().budgetView());
                    endpoints.add(calls);
                });
        return endpoints;
    }
}
