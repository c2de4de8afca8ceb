package org.camelbigmarker.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A successful answer: its status and its body, read as JSON when it is JSON ({@code json} null otherwise, e.g. an
 * empty body or the sentence some actions answer with).
 */
public record ApiResponse(int status, JsonNode json, String text) {
}
