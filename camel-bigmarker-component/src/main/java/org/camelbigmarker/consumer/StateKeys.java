package org.camelbigmarker.consumer;

import org.camelbigmarker.BigMarkerOperation;
import org.camelbigmarker.state.ConsumerStore;

/**
 * Every name the consumers write into a {@link ConsumerStore}, in one place. A scope is what one feed watches (an
 * operation and a digest of its parameters, see ListFeed.scopeOf); keys are stable across restarts and nodes.
 * <p>
 * The formats are version {@value #FORMAT}. A store remembers the version it was written with; a consumer refuses a
 * store written with another, since it would read none of its keys and deliver everything again.
 */
final class StateKeys {

    /** The version of the formats below; change it with any change to them. */
    static final String FORMAT = "1";
    static final String FORMAT_NAME = "bigmarker-state-format";

    private StateKeys() {
    }

    /** Checks, or on first use records, the format version of a store. */
    static void checkFormat(ConsumerStore store) {
        String written = store.value(FORMAT_NAME);
        if (written == null) {
            store.setValue(FORMAT_NAME, FORMAT);
        } else if (!written.equals(FORMAT)) {
            throw new IllegalStateException("The BigMarker consumer store was written with state format " + written
                                            + "; this version of camel-bigmarker reads format " + FORMAT
                                            + ". Use the version that wrote it, or a new store (startFrom decides"
                                            + " where a new store starts).");
        }
    }

    /** A delivered item of a list: {@code bigmarker:<scope>:<identity>}. */
    static String itemPrefix(String scope) {
        return "bigmarker:" + scope + ":";
    }

    /** BigMarker's clock (Unix seconds) at the start of the last complete read, or {@code scanned}. */
    static String cursor(String scope) {
        return "bigmarker-cursor:" + scope;
    }

    /** When the horizon was last read again (local clock, Unix seconds). */
    static String reconciled(String scope) {
        return "bigmarker-reconciled:" + scope;
    }

    /** For startFrom=now: the earliest time a read may reach (BigMarker's clock, Unix seconds). */
    static String floor(String scope) {
        return "bigmarker-floor:" + scope;
    }

    /** A conference whose reports are followed, by id after the '#': when it was seen ended (Unix seconds). */
    static String trackedPrefix(String scope) {
        return "bigmarker-tracked:" + scope + "#";
    }

    /** The secret part of a webhook route's URL (hex, 128 bits), shared by the nodes of one store. */
    static String webhookToken(String scope) {
        return "bigmarker-webhook-token:" + scope;
    }

    /** What a conference's webhook fields were before this consumer set them (JSON), to restore them at stop. */
    static String webhookPrevious(String scope) {
        return "bigmarker-webhook-previous:" + scope;
    }

    /** A row of a report: {@code ...#<id>}, or {@code ...#sha256:<content digest>#<occurrence>} without an id. */
    static String reportRow(String conference, BigMarkerOperation report, String identity) {
        return report(conference, report) + "#" + identity;
    }

    /** A report delivered as one exchange. */
    static String report(String conference, BigMarkerOperation report) {
        return "bigmarker-report:" + conference + ":" + report;
    }

    /** A report all of whose rows were delivered. */
    static String reportDone(String conference, BigMarkerOperation report) {
        return "bigmarker-report-done:" + conference + ":" + report;
    }

    /** A conference whose reports are all delivered and no longer followed. */
    static String reportsFinished(String conference) {
        return "bigmarker-reports-finished:" + conference;
    }
}
