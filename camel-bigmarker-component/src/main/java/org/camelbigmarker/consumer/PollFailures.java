package org.camelbigmarker.consumer;

import org.camelbigmarker.client.BigMarkerApiException;

/** The cause of a failed poll as the meters name it (the {@code cause} tag): few values, never a message. */
final class PollFailures {

    private PollFailures() {
    }

    static String causeOf(Throwable failure) {
        if (failure instanceof BigMarkerApiException answer) {
            int status = answer.getStatusCode();
            return answer.isThrottled() ? "throttled" : status >= 500 ? "server_error" : status >= 400 ? "client_error"
                    : "unexpected_answer";
        }
        if (failure instanceof java.io.IOException) {
            return "io";
        }
        return failure instanceof java.sql.SQLException || failure.getCause() instanceof java.sql.SQLException
                ? "store" : "other";
    }
}
