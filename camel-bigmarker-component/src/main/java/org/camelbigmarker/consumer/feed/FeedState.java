package org.camelbigmarker.consumer.feed;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.camelbigmarker.BigMarkerOperation;
import org.camelbigmarker.state.ConsumerStore;

/**
 * The consumer store as the consumers see it: typed state (cursors, reconciliation stamps, followed conferences,
 * webhook records) and every name of an entry, in one place. A scope is what one feed
 * watches (an operation and a digest of its parameters, see Scopes); names are stable across restarts and
 * nodes.
 * <p>
 * The formats are version {@value #FORMAT}. A store remembers the version it was written with; a consumer refuses a
 * store written with another, since it would read none of its keys and deliver everything again.
 */
public final class FeedState {

    /**
     * The version of the formats below; change it with any change to them. 2: item identities are the consumer
     * kind's in every mode (named fields, {@code email=...}), claims are held per delivery in epoch milliseconds.
     * 3: a list's item keys start with a digest of the scope instead of {@code bigmarker:<scope>:}, a third of a
     * key's length (format 2 stores keep their keys: {@link #ITEM_KEYS_OF_FORMAT}).
     */
    static final String FORMAT = "3";
    private static final String FORMAT_NAME = "bigmarker-state-format";
    /** The key the delivery ledger claims, records and forgets at start to prove the store works. */
    public static final String PROBE_KEY = "bigmarker-probe:store-check";
    /** How a list's item keys start, by the format a store was written with: every format this version reads. */
    private static final Map<String, UnaryOperator<String>> ITEM_KEYS_OF_FORMAT = Map.of(
            "2", scope -> "bigmarker:" + scope + ":",
            FORMAT, scope -> ItemIdentity.digest(scope).substring(0, 12) + ":");

    private final ConsumerStore store;
    private UnaryOperator<String> itemPrefixOfScope = ITEM_KEYS_OF_FORMAT.get(FORMAT);

    public FeedState(ConsumerStore store) {
        this.store = store;
    }

    /**
     * Checks, or on first use records, the format version of a store; a store of an earlier format this version
     * still reads keeps its format.
     */
    public void checkFormat() {
        String written = store.value(FORMAT_NAME);
        if (written == null) {
            store.setValue(FORMAT_NAME, FORMAT);
        } else if (ITEM_KEYS_OF_FORMAT.containsKey(written)) {
            itemPrefixOfScope = ITEM_KEYS_OF_FORMAT.get(written);
        } else {
            throw new IllegalStateException("The BigMarker consumer store was written with state format " + written
                                            + "; this version of camel-bigmarker reads formats "
                                            + new java.util.TreeSet<>(ITEM_KEYS_OF_FORMAT.keySet())
                                            + ". Use the version that wrote it, or a new store (startFrom decides"
                                            + " where a new store starts); see docs/upgrading.md.");
        }
    }

    public ListState list(String scope) {
        return new ListState(scope);
    }

    FollowedConferences followed(String scope) {
        return new FollowedConferences(new PrefixedValues(store, "bigmarker-tracked:" + scope + "#"));
    }

    /** A webhook consumer's URL token (the one value named ""). */
    public PrefixedValues webhookToken(String scope) {
        return new PrefixedValues(store, "bigmarker-webhook-token:" + scope);
    }

    /** A webhook consumer's record of each conference's webhook fields before it changed them, by conference. */
    public PrefixedValues webhookPrevious(String scope) {
        return new PrefixedValues(store, "bigmarker-webhook-previous:" + scope + "#");
    }

    /** How the keys of a list's items start, in the store's format: then comes the item's identity. */
    private String itemPrefix(String scope) {
        return itemPrefixOfScope.apply(scope);
    }

    /** A row of a report: {@code ...#<identity>}, or {@code ...#sha256:<content digest>#<occurrence>} without an id. */
    static String reportRowKey(String conference, BigMarkerOperation report, String identity) {
        return reportKey(conference, report) + "#" + identity;
    }

    /** A report delivered as one exchange. */
    static String reportKey(String conference, BigMarkerOperation report) {
        return "bigmarker-report:" + conference + ":" + report;
    }

    /** A report all of whose rows were delivered. */
    static String reportDoneKey(String conference, BigMarkerOperation report) {
        return "bigmarker-report-done:" + conference + ":" + report;
    }

    /** A conference whose reports are all delivered and no longer followed. */
    static String reportsFinishedKey(String conference) {
        return "bigmarker-reports-finished:" + conference + ":";
    }

    /** Forgets every delivered report, row and mark of one conference: its reports are delivered again. */
    int forgetReportsOf(String conference) {
        return store.forgetDelivered("bigmarker-report:" + conference + ":", Long.MAX_VALUE)
               + store.forgetDelivered("bigmarker-report-done:" + conference + ":", Long.MAX_VALUE)
               + store.forgetDelivered(reportsFinishedKey(conference), Long.MAX_VALUE);
    }

    private static Optional<Instant> seconds(String value) {
        return Optional.ofNullable(value).map(Long::parseLong).map(Instant::ofEpochSecond);
    }

    /** Where a list feed stands. */
    final class ListState {

        private static final String SCANNED = "scanned";
        private final String scope;
        private final String cursorName;
        private final String reconciledName;
        private final String floorName;

        private ListState(String scope) {
            this.scope = scope;
            this.cursorName = "bigmarker-cursor:" + scope;
            this.reconciledName = "bigmarker-reconciled:" + scope;
            this.floorName = "bigmarker-floor:" + scope;
        }

        /** The cursor: BigMarker's clock at the start of the last complete read, or {@link Cursor#SCANNED}. */
        Optional<Cursor> cursor() {
            String saved = store.value(cursorName);
            return saved == null ? Optional.empty()
                    : Optional.of(saved.equals(SCANNED) ? Cursor.SCANNED : new Cursor(seconds(saved).orElseThrow()));
        }

        /** Moves the cursor forward, never back: another node may be further on. */
        void advanceCursor(Instant serverTime) {
            store.advance(cursorName, serverTime.getEpochSecond());
        }

        /** A list without a time filter was read whole. */
        void markScanned() {
            store.setValue(cursorName, SCANNED);
        }

        /** When the horizon was last read again (local clock: it only schedules). */
        Optional<Instant> reconciledAt() {
            return seconds(store.value(reconciledName));
        }

        void reconciled(Instant at) {
            store.setValue(reconciledName, String.valueOf(at.getEpochSecond()));
        }

        /** For startFrom=now: the earliest time a read may reach (BigMarker's clock). */
        Optional<Instant> floor() {
            return seconds(store.value(floorName));
        }

        void setFloor(Instant floor) {
            store.setValue(floorName, String.valueOf(floor.getEpochSecond()));
        }

        /** A delivered item of this list: the scope's prefix and the item's identity. */
        String itemKey(String identity) {
            return itemPrefix(scope) + identity;
        }

        /** Forgets the delivered items of this list recorded before {@code stampedBefore}. */
        void forgetItemsRecordedBefore(Instant stampedBefore) {
            store.forgetDelivered(itemPrefix(scope), stampedBefore.getEpochSecond());
        }

        /** Moves the cursor back (an operator's replay): the next read starts there. */
        void rewindCursor(Instant to) {
            store.setValue(cursorName, String.valueOf(to.getEpochSecond()));
        }

        /** Forgets the items of this list whose delivery was recorded at or after {@code since}. */
        int forgetItemsRecordedSince(Instant since) {
            return store.forgetDeliveredSince(itemPrefix(scope), since.getEpochSecond());
        }

        /** Forgets the items whose identity starts with {@code identityPrefix} ("" for every item). */
        int forgetItems(String identityPrefix) {
            return store.forgetDelivered(itemKey(identityPrefix), Long.MAX_VALUE);
        }

        /** Forgets everything of this list: the next poll starts as a new store would (startFrom). */
        int reset() {
            store.removeValue(cursorName);
            store.removeValue(reconciledName);
            store.removeValue(floorName);
            return forgetItems("");
        }

        Map<String, Object> progress() {
            Map<String, Object> progress = new LinkedHashMap<>();
            progress.put("scope", scope);
            progress.put("cursor", store.value(cursorName));
            progress.put("reconciledAt", store.value(reconciledName));
            return progress;
        }
    }

    /** A list's cursor: a time, or that the list (without a time filter) was read whole. */
    record Cursor(Instant time) {
        static final Cursor SCANNED = new Cursor(null);

        boolean scanned() {
            return time == null;
        }
    }

    /** The conferences whose reports are followed: each with when it was seen ended (BigMarker's clock, seconds). */
    static final class FollowedConferences {

        private final PrefixedValues values;

        private FollowedConferences(PrefixedValues values) {
            this.values = values;
        }

        Map<String, Long> all() {
            Map<String, Long> followed = new LinkedHashMap<>();
            values.all().forEach((conference, endedAt) -> followed.put(conference, Long.parseLong(endedAt)));
            return followed;
        }

        void follow(String conference, long endedAt) {
            values.set(conference, String.valueOf(endedAt));
        }

        void stopFollowing(String conference) {
            values.remove(conference);
        }

        int count() {
            return values.all().size();
        }
    }
}
