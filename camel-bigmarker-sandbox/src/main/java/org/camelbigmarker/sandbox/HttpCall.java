package org.camelbigmarker.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

/** One request to the sandbox: its parameters (query and form body merged) and the ways to answer it. */
final class HttpCall {

    final HttpExchange exchange;
    final String method;
    final String path;
    final Map<String, String> params = new LinkedHashMap<>();
    final String body;

    /** How list answers are shaped: with totals and honouring the page parameter, or as a test asks. */
    record Shapes(boolean totals, boolean ignorePage) {
    }

    private Shapes shapes = new Shapes(true, false);

    HttpCall shaped(Shapes answerShapes) {
        this.shapes = answerShapes;
        return this;
    }

    HttpCall(HttpExchange exchange, String path) throws IOException {
        this.exchange = exchange;
        this.method = exchange.getRequestMethod();
        this.path = path;
        this.body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        parse(exchange.getRequestURI().getRawQuery());
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
            parse(body);
        } else if (contentType != null && contentType.startsWith("application/json") && !body.isBlank()) {
            JsonNode json = SandboxStore.JSON.readTree(body);
            json.fields().forEachRemaining(field -> params.put(field.getKey(),
                    field.getValue().isValueNode() ? field.getValue().asText() : field.getValue().toString()));
        }
    }

    private void parse(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
    }

    String param(String name) {
        String value = params.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    int intParam(String name, int otherwise) {
        String value = param(name);
        return value == null ? otherwise : Integer.parseInt(value);
    }

    void json(int status, JsonNode body) throws IOException {
        send(status, body.toString());
    }

    void error(int status, String message) throws IOException {
        json(status, SandboxStore.JSON.createObjectNode().put("error", message));
    }

    /** One page of {@code all} in BigMarker's envelope: current_page, per_page, total_pages, total_entries. */
    void page(String itemsKey, List<ObjectNode> all, String pageParameter) throws IOException {
        int perPage = Math.max(1, intParam("per_page", 25));
        int page = shapes.ignorePage() ? 1 : Math.max(1, intParam(pageParameter, 1));
        int from = Math.min((page - 1) * perPage, all.size());
        int to = Math.min(from + perPage, all.size());
        ObjectNode envelope = SandboxStore.JSON.createObjectNode();
        if (shapes.totals()) {
            envelope.put("current_page", page).put("per_page", perPage)
                    .put("total_pages", (all.size() + perPage - 1) / perPage).put("total_entries", all.size());
        }
        ArrayNode items = envelope.putArray(itemsKey);
        all.subList(from, to).forEach(items::add);
        json(200, envelope);
    }

    void send(int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
