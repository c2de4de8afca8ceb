package org.camelbigmarker.client;

import org.apache.camel.RuntimeCamelException;

/**
 * BigMarker answered with a status other than 2xx, or with a body that is not what the operation documents. Carries
 * the HTTP status, BigMarker's error type and message, and the operation. Never carries the API key or request body.
 */
public class BigMarkerApiException extends RuntimeCamelException {

    private final String operation;
    private final int statusCode;
    private final String errorType;
    private final String errorMessage;
    private final long retryAfterMillis;

    public BigMarkerApiException(String operation, int statusCode, String errorType, String errorMessage,
                                 long retryAfterMillis) {
        super(describe(operation, statusCode, errorType, errorMessage));
        this.operation = operation;
        this.statusCode = statusCode;
        this.errorType = errorType;
        this.errorMessage = errorMessage;
        this.retryAfterMillis = retryAfterMillis;
    }

    private static String describe(String operation, int statusCode, String errorType, String errorMessage) {
        StringBuilder text = new StringBuilder("BigMarker operation ").append(operation).append(" failed: HTTP ")
                .append(statusCode);
        if (errorType != null) {
            text.append(' ').append(errorType);
        }
        if (errorMessage != null) {
            text.append(": ").append(errorMessage);
        }
        return text.toString();
    }

    public String getOperation() {
        return operation;
    }

    public int getStatusCode() {
        return statusCode;
    }

    /** BigMarker's error type (e.g. conference_not_found), when the answer names one. */
    public String getErrorType() {
        return errorType;
    }

    /** BigMarker's error message, or a description of the unexpected body. */
    public String getErrorMessage() {
        return errorMessage;
    }

    /** The wait the server asked for with Retry-After, in milliseconds; 0 when it asked for none. */
    public long getRetryAfterMillis() {
        return retryAfterMillis;
    }

    /** True for 429 and 503, the answers that say "try later". */
    public boolean isThrottled() {
        return statusCode == 429 || statusCode == 503;
    }

    /**
     * A success with an empty body where JSON was expected: what a connection cut after the headers, or a proxy that
     * dropped the body, looks like. Repeated where a request cut by an I/O error would be.
     */
    public boolean isEmptyAnswer() {
        return EMPTY_BODY.equals(errorType);
    }

    static final String EMPTY_BODY = "empty_body";

    public boolean isUnauthorized() {
        return statusCode == 401;
    }
}
