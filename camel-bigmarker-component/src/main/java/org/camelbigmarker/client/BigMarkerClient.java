package org.camelbigmarker.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

import org.apache.hc.client5.http.classic.HttpClient;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.net.WWWFormCodec;
import org.apache.hc.core5.util.Timeout;
import org.camelbigmarker.operation.ResultSpec.BodyKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@link ApiRequest}s to one BigMarker base URL over a shared, pooled HTTP client it does not own, and applies
 * the retry rules:
 * <ul>
 * <li>429 and 503 are repeated after Retry-After or a growing backoff, within {@link RetryPolicy}'s bounds;</li>
 * <li>an I/O error is repeated only when the request never left (connection refused, unknown host) or the operation
 * may safely be repeated; a TLS handshake failure never is (a certificate does not fix itself);</li>
 * <li>a 401 with a login token is repeated once with a renewed token: the server did nothing.</li>
 * </ul>
 * Under a {@link RequestBudget} every attempt, repeats included, first waits for its slot.
 * Answers are read up to {@code maxResponseSize} bytes (error answers up to a few KB); a longer one is refused and
 * its connection dropped unread. Nothing here logs a header or a body.
 */
public final class BigMarkerClient {

    public static final String API_KEY_HEADER = "API-KEY";
    private static final Logger LOG = LoggerFactory.getLogger(BigMarkerClient.class);

    private final HttpClient http;
    private final URI baseUrl;
    private final String basePath;
    private final RetryPolicy retryPolicy;
    private final RequestConfig requestConfig;
    private final ResponseReader reader;
    private final Sleeper sleeper;
    private final RequestBudget budget;
    private final int maxResponseSize;
    private final CallStatistics statistics = new CallStatistics();

    public BigMarkerClient(HttpClient http, URI baseUrl, RetryPolicy retryPolicy, long responseTimeoutMillis,
                           int maxResponseSize, ResponseReader reader, Sleeper sleeper, RequestBudget budget) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.basePath = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath();
        this.retryPolicy = retryPolicy;
        // redirects off for every request too, whatever the client's own defaults
        this.requestConfig = RequestConfig.custom().setResponseTimeout(Timeout.ofMilliseconds(responseTimeoutMillis))
                .setRedirectsEnabled(false).build();
        this.maxResponseSize = maxResponseSize;
        this.reader = reader;
        this.sleeper = sleeper;
        this.budget = budget;
    }

    /** What this client did so far. */
    public CallStatistics statistics() {
        return statistics;
    }

    /** Tells {@code listener} what each call came to (the component's meters). */
    public void reportTo(CallListener listener) {
        statistics.reportTo(listener);
    }

    /** The budget this client's requests take their slots from, or null when requests are not paced. */
    public RequestBudget budget() {
        return budget;
    }

    /** Sends the request, repeated as the retry rules allow (under a budget each attempt waits for its slot). */
    public ApiResponse execute(ApiRequest request, BodyKind expected, ApiKeySource keys, RequestPriority priority)
            throws IOException {
        statistics.called();
        String outcome = "other";
        try {
            ApiResponse answer = executeWithRepeats(request, expected, keys, priority);
            outcome = CallListener.outcomeOf(answer.status());
            return answer;
        } catch (IOException | RuntimeException failure) {
            statistics.failed();
            outcome = failure instanceof BigMarkerApiException answer ? CallListener.outcomeOf(answer.getStatusCode())
                    : failure instanceof IOException ? "io" : outcome;
            throw failure;
        } finally {
            statistics.ended(request.operation(), outcome);
        }
    }

    private ApiResponse executeWithRepeats(ApiRequest request, BodyKind expected, ApiKeySource keys,
                                           RequestPriority priority) throws IOException {
        String pathAndQuery = pathAndQueryOf(request);
        boolean renewedKey = false;
        for (int retry = 0;;) {
            String key = request.authenticated() ? keys.apiKey() : null;
            if (budget != null) {
                statistics.waitedForBudget(budget.take(priority));
            }
            try {
                return executeOnce(request, pathAndQuery, expected, key);
            } catch (BigMarkerApiException answer) {
                if (answer.isUnauthorized() && key != null && !renewedKey) {
                    renewedKey = true;
                    if (keys.renewAfterRejection(key)) {
                        LOG.debug("BigMarker operation {} answered HTTP 401; repeating once with a renewed token",
                                request.operation());
                        continue;
                    }
                }
                if (answer.isThrottled()) {
                    statistics.throttled();
                }
                long wait = answer.isThrottled() ? waitBeforeRetry(answer, retry)
                        : answer.isEmptyAnswer() && request.effect().repeatableAfterIoError()
                          && retryPolicy.allowsAnotherAttempt(retry) ? retryPolicy.backoffMillis(retry) : -1;
                if (wait < 0) {
                    throw answer;
                }
                statistics.repeated();
                LOG.debug("BigMarker operation {} answered HTTP {}; repeat {} of {} in {} ms", request.operation(),
                        answer.getStatusCode(), retry + 1, retryPolicy.maxRetries(), wait);
                sleeper.sleep(wait);
                retry++;
            } catch (IOException failure) {
                if (!mayRepeatAfter(failure, request) || !retryPolicy.allowsAnotherAttempt(retry)) {
                    throw new IOException("BigMarker operation " + request.operation() + " failed: " + failure, failure);
                }
                long wait = retryPolicy.backoffMillis(retry);
                statistics.repeated();
                LOG.debug("BigMarker operation {} failed with {}; repeat {} of {} in {} ms", request.operation(),
                        failure.getClass().getSimpleName(), retry + 1, retryPolicy.maxRetries(), wait);
                sleeper.sleep(wait);
                retry++;
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
     * Connection refused and unknown host mean the request never left, so even a create may be repeated. A TLS
     * handshake failure (an untrusted or wrong certificate) will fail the same way again. Any other I/O error may
     * have happened after the server received the request: only repeatable operations are repeated.
     */
    private static boolean mayRepeatAfter(IOException failure, ApiRequest request) {
        if (failure instanceof InterruptedIOException && Thread.currentThread().isInterrupted()) {
            return false;
        }
        if (failure instanceof SSLHandshakeException || failure instanceof SSLPeerUnverifiedException) {
            return false;
        }
        boolean neverSent = failure instanceof ConnectException || failure instanceof UnknownHostException;
        return neverSent || request.effect().repeatableAfterIoError();
    }

    private ApiResponse executeOnce(ApiRequest request, String pathAndQuery, BodyKind expected, String key)
            throws IOException {
        HttpUriRequestBase call = new HttpUriRequestBase(request.method(), baseUrl);
        call.setPath(pathAndQuery);
        call.addHeader("Accept", "application/json");
        if (key != null) {
            call.addHeader(API_KEY_HEADER, key);
        }
        if (request.body() != null) {
            call.setEntity(new ByteArrayEntity(request.body(), request.contentType()));
        }
        HttpClientContext context = HttpClientContext.create();
        context.setRequestConfig(requestConfig);
        return http.execute(call, context, response -> read(call, request.operation(), expected, response));
    }

    private ApiResponse read(HttpUriRequestBase call, String operation, BodyKind expected,
                             ClassicHttpResponse response) throws IOException {
        int status = response.getCode();
        BoundedBody body = BoundedBody.read(response.getEntity(),
                ResponseReader.isSuccess(status) ? maxResponseSize : ResponseReader.ERROR_BODY_LIMIT);
        if (!body.complete()) {
            call.cancel(); // drop the connection: closing the stream would read the rest, however long it is
        }
        // Retry-After means something only with "try later" answers; on any other it is ignored, unread
        long retryAfter = status == 429 || status == 503
                ? RetryPolicy.retryAfterMillis(headerValue(response, "Retry-After"), Instant.now()) : 0;
        return reader.read(operation, expected, status, contentTypeOf(response), body, retryAfter,
                headerValue(response, "Date"), maxResponseSize);
    }

    /**
     * The request target below the fixed host: the base URL's path, the operation's path (already encoded segment by
     * segment) and the query, encoded here as a form.
     */
    private String pathAndQueryOf(ApiRequest request) {
        String query = request.query().isEmpty() ? ""
                : "?" + WWWFormCodec.format(request.query(), StandardCharsets.UTF_8);
        return basePath + request.path() + query;
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
