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
import org.camelbigmarker.ConsumerOperations;
import org.camelbigmarker.consumer.BigMarkerConsumer;

/**
 * The {@code bigmarker} dev console: per consumer, where it stands (last poll, last error, cursor, store, meters); per
 * endpoint, what its client did (calls, repeats, throttling answers, failures). With the options {@code routeId} and
 * {@code key}, where one item stands. Endpoint URIs are shown sanitized, and nothing here holds a credential; an
 * overview names no registrant.
 */
@DevConsole(group = "camel", name = "bigmarker", displayName = "BigMarker",
            description = "BigMarker consumers (cursor, last poll, last error, store) and calls (repeats, 429s)")
public class BigMarkerDevConsole extends AbstractDevConsole {

    public BigMarkerDevConsole() {
        super("camel", "bigmarker", "BigMarker",
                "BigMarker consumers (cursor, last poll, last error, store) and calls (repeats, 429s)");
    }

    /** The option that asks where one item stands: its key (CamelBigMarkerItemKey), with {@link #ROUTE}. */
    public static final String KEY = "key";
    /** The route whose consumer is asked about {@link #KEY}. */
    public static final String ROUTE = "routeId";

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        Map<String, Object> view = new LinkedHashMap<>();
        if (options.get(KEY) != null) { // a key is shown only when an operator asks for it
            view.put("lookup", lookup(options));
            return view;
        }
        view.put("consumers", consumers());
        view.put("endpoints", endpoints());
        return view;
    }

    private Map<String, Object> lookup(Map<String, Object> options) {
        String routeId = String.valueOf(options.get(ROUTE));
        ConsumerOperations consumer = ConsumerOperations.of(getCamelContext(), routeId);
        ConsumerOperations.ItemLookup found = consumer.lookup(String.valueOf(options.get(KEY)));
        Map<String, Object> lookup = new LinkedHashMap<>();
        lookup.put("routeId", routeId);
        lookup.put("key", found.key());
        lookup.put("state", found.state());
        lookup.put("deliveredAt", found.deliveredAt() == null ? null : found.deliveredAt().toString());
        lookup.put("failures", found.failures());
        lookup.put("givenUpAt", found.givenUp() == null ? null : found.givenUp().givenUpAt().toString());
        return lookup;
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        if (options.get(KEY) != null) {
            return "Lookup " + lookup(options) + "\n";
        }
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
                .map(BigMarkerEndpoint.class::cast).filter(endpoint -> !endpoint.callStatistics().isEmpty())
                .forEach(endpoint -> {
                    Map<String, Object> calls = new LinkedHashMap<>();
                    calls.put("uri", URISupport.sanitizeUri(endpoint.getEndpointUri()));
                    calls.put("host", endpoint.getServiceUrl());
                    calls.putAll(endpoint.callStatistics());
                    endpoints.add(calls);
                });
        return endpoints;
    }
}
