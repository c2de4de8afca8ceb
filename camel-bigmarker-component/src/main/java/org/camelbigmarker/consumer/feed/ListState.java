package org.camelbigmarker.consumer.feed;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.camelbigmarker.state.ConsumerStore;

/** Where a list feed stands, in its store: the cursor, the reconciliation stamp, the floor, its items' keys. */
final class ListState {

    private static final String SCANNED = "scanned";

    private final ConsumerStore store;
    private final String scope;
    private final String cursorName;
    private final String reconciledName;
    private final String floorName;
    private final String itemPrefix;

    /** The names of a list's entries in the store: {@link FeedState} writes them. */
    record Names(String cursor, String reconciled, String floor, String itemPrefix) {
    }

    ListState(ConsumerStore store, String scope, Names names) {
        this.store = store;
        this.scope = scope;
        this.cursorName = names.cursor();
        this.reconciledName = names.reconciled();
        this.floorName = names.floor();
        this.itemPrefix = names.itemPrefix();
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
        return itemPrefix + identity;
    }

    /** Forgets the delivered items of this list recorded before {@code stampedBefore}. */
    void forgetItemsRecordedBefore(Instant stampedBefore) {
        store.forgetDelivered(itemPrefix, stampedBefore.getEpochSecond());
    }

    /** Moves the cursor back (an operator's replay): the next read starts there. */
    void rewindCursor(Instant to) {
        store.setValue(cursorName, String.valueOf(to.getEpochSecond()));
    }

    /** Forgets the items of this list whose delivery was recorded at or after {@code since}. */
    int forgetItemsRecordedSince(Instant since) {
        return store.forgetDeliveredSince(itemPrefix, since.getEpochSecond());
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

    private static Optional<Instant> seconds(String value) {
        return Optional.ofNullable(value).map(Long::parseLong).map(Instant::ofEpochSecond);
    }

    /** A list's cursor: a time, or that the list (without a time filter) was read whole. */
    record Cursor(Instant time) {
        static final Cursor SCANNED = new Cursor(null);

        boolean scanned() {
            return time == null;
        }
    }
}
