package org.camelbigmarker.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.hc.client5.http.classic.HttpClient;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.net.WWWFormCodec;
import org.apache.hc.core5.util.Timeout;
import org.camelbigmarker.operation.ResultSpec.BodyKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@link ApiRequest}s to one BigMarker base URL over a shared, pooled HTTP client it does not own, and applies
 * the retry rules: 429 and 503 are repeated after Retry-After or a growing backoff; an I/O error is repeated only when
 * the request never left (connection refused, unknown host) or the operation may safely be repeated. Nothing here
 * logs a header or a body.
 */
public final class BigMarkerClient {

    public static final String API_KEY_HEADER = "API-KEY";
    private static final Logger LOG = LoggerFactory.getLogger(BigMarkerClient.class);

    private final HttpClient http;
    private final HttpHost host;
    private final String basePath;
    private final RetryPolicy retryPolicy;
    private final RequestConfig requestConfig;
    private final ResponseReader reader;
    private final Sleeper sleeper;

    public BigMarkerClient(HttpClient http, URI baseUrl, RetryPolicy retryPolicy, long responseTimeoutMillis,
                           ResponseReader reader, Sleeper sleeper) {
        this.http = http;
        this.host = HttpHost.create(baseUrl);
        this.basePath = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath();
        this.retryPolicy = retryPolicy;
        this.requestConfig = RequestConfig.custom().setResponseTimeout(Timeout.ofMilliseconds(responseTimeoutMillis))
                .build();
        this.reader = reader;
        this.sleeper = sleeper;
    }

    /** Sends the request, repeating it as the retry rules allow, and returns the successful answer. */
    public ApiResponse execute(ApiRequest request, BodyKind expected, ApiKeySource keys) throws IOException {
        String uri = pathAndQueryOf(request);
        for (int retry = 0;; retry++) {
            try {
                return executeOnce(request, uri, expected, keys);
            } catch (BigMarkerApiException answer) {
                if (answer.isUnauthorized() && keys != null) {
                    keys.invalidate();
                }
                long wait = answer.isThrottled() ? waitBeforeRetry(answer, retry) : -1;
                if (wait < 0) {
                    throw answer;
                }
                LOG.debug("BigMarker operation {} answered HTTP {}; repeat {} of {} in {} ms", request.operation(),
                        answer.getStatusCode(), retry + 1, retryPolicy.maxRetries(), wait);
                sleeper.sleep(wait);
            } catch (IOException failure) {
                if (!mayRepeatAfter(failure, request) || !retryPolicy.allowsAnotherAttempt(retry)) {
                    throw new IOException("BigMarker operation " + request.operation() + " failed: " + failure, failure);
                }
                long wait = retryPolicy.backoffMillis(retry);
                LOG.debug("BigMarker operation {} failed with {}; repeat {} of {} in {} ms", request.operation(),
                        failure.getClass().getSimpleName(), retry + 1, retryPolicy.maxRetries(), wait);
                sleeper.sleep(wait);
            }
        }
    }

    /** The wait before the next attempt after a throttling answer, or -1 when no attempt may follow. */
    private long waitBeforeRetry(BigMarkerApiException answer, int retry) {
        if (!retryPolicy.allowsAnotherAttempt(retry)) {
            return -1;
        }
        long asked = answer.getRetryAfterMillis();
        if (asked > retryPolicy.maxDelayMillis()) {
            return -1; // the server asks for a longer wait than allowed: fail now, the exception tells how long
        }
        return asked > 0 ? asked : retryPolicy.backoffMillis(retry);
    }

    /**
     * Connection refused and unknown host mean the request never left, so even a create may be repeated. Any other
     * I/O error may have happened after the server received the request: only repeatable operations are repeated.
     */
    private static boolean mayRepeatAfter(IOException failure, ApiRequest request) {
        if (failure instanceof InterruptedIOException && Thread.currentThread().isInterrupted()) {
            return false;
        }
        boolean neverSent = failure instanceof ConnectException || failure instanceof UnknownHostException;
        return neverSent || request.effect().repeatableAfterIoError();
    }

    private ApiResponse executeOnce(ApiRequest request, String pathAndQuery, BodyKind expected, ApiKeySource keys)
            throws IOException {
        ClassicRequestBuilder builder = ClassicRequestBuilder.create(request.method()).setHttpHost(host)
                .setPath(pathAndQuery).addHeader("Accept", "application/json");
        if (request.authenticated()) {
            builder.addHeader(API_KEY_HEADER, keys.apiKey());
        }
        if (request.body() != null) {
            builder.setEntity(new ByteArrayEntity(request.body(), request.contentType()));
        }
        HttpClientContext context = HttpClientContext.create();
        context.setRequestConfig(requestConfig);
        return http.execute(builder.build(), context,
                response -> reader.read(request.operation(), expected, response.getCode(), contentTypeOf(response),
                        bodyOf(response), RetryPolicy.retryAfterMillis(headerValue(response, "Retry-After"),
                                Instant.now()), headerValue(response, "Date")));
    }

    /**
     * The request target below the fixed host: the base URL's path, the operation's path (already encoded segment by
     * segment) and the query, encoded here as a form. No URI is parsed per call.
     */
    private String pathAndQueryOf(ApiRequest request) {
        String query = request.query().isEmpty() ? ""
                : "?" + WWWFormCodec.format(request.query(), StandardCharsets.UTF_8);
        return basePath + request.path() + query;
    }

    private static byte[] bodyOf(ClassicHttpResponse response) throws IOException {
        HttpEntity entity = response.getEntity();
        return entity == null ? new byte[0] : EntityUtils.toByteArray(entity);
    }

    private static String contentTypeOf(ClassicHttpResponse response) {
        HttpEntity entity = response.getEntity();
        return entity != null && entity.getContentType() != null ? entity.getContentType()
                : headerValue(response, "Content-Type");
    }

    private static String headerValue(ClassicHttpResponse response, String name) {
        Header header = response.getFirstHeader(name);
        return header == null ? null : header.getValue();
    }

    /** Waits between attempts; a seam so that tests can observe the waits. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long millis) throws InterruptedIOException;

        Sleeper THREAD = millis -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting to repeat a BigMarker call");
            }
        };
    }
}
