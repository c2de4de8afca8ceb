package org.camelbigmarker.client;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A successful answer: its status and its body, read as JSON when it is JSON ({@code json} null otherwise, e.g. an
 * empty body or the sentence some actions answer with), and BigMarker's clock when it answered (its Date header; null
 * when absent). Consumers take their cursors from that clock, never from the local one.
 */
public record ApiResponse(int status, JsonNode json, String text, Instant serverTime) {
}
