package org.camelbigmarker.consumer.feed;

import java.time.Clock;
import java.time.Instant;

/**
 * Where a list feed's reads start and what a complete read leaves behind: each read reaches the overlap before the
 * cursor, a reconciliation the horizon before it (every reconcileInterval), and none before where the user asked to
 * start; a complete read moves the cursor, stamps the reconciliation and forgets the keys no later read can return.
 */
final class ReadWindow {

    private final ReadSettings settings;
    private final ListState state;
    private final boolean timeFiltered;
    private final Clock localClock;

    ReadWindow(ReadSettings settings, ListState state, boolean timeFiltered) {
        this.settings = settings;
        this.state = state;
        this.timeFiltered = timeFiltered;
        this.localClock = settings.clock();
    }

    /**
     * Whether the horizon is to be read again: the safety net for whatever the fast path cannot see (a Date clock
     * ahead of the items' times, an item moved past a read by a deletion in a list without totals, and any other
     * server behaviour the document does not promise).
     */
    boolean reconciliationDue() {
        if (!settings.reconciles() || !timeFiltered) {
            return false; // a list without a time filter is read whole on every poll anyway
        }
        return state.reconciledAt()
                .map(last -> !localClock.instant().isBefore(last.plus(settings.reconcileInterval())))
                .orElse(false);
    }

    /** The horizon before the cursor, never before where the user asked to start. */
    Instant horizonStart(Instant cursor) {
        return notBeforeTheFloor(cursor.minus(settings.reconcileHorizon()));
    }

    /** The start_time of a read from {@code from}: the overlap before it, never before where the user asked to start. */
    Instant startOfRead(Instant from) {
        return notBeforeTheFloor(from.minus(settings.overlap()));
    }

    /**
     * {@code time}, or where the user asked to start if that is later: no read, a reconciliation's included, reaches
     * before it (the overlap is taken from the cursor, never from the floor).
     */
    private Instant notBeforeTheFloor(Instant time) {
        Instant floor = settings.startFrom().kind() == StartFrom.Kind.TIME ? settings.startFrom().time()
                : state.floor().orElse(null);
        return floor != null && floor.isAfter(time) ? floor : time;
    }

    /**
     * After a read proven complete whose items were all delivered: the cursor moves to BigMarker's clock at its start
     * (or the list is marked scanned), the reconciliation is stamped, and after a reconciliation the keys no later read
     * can return are forgotten.
     */
    void completed(Instant serverTime, boolean priming, boolean reconciling) {
        saveCursor(serverTime, priming);
        if (reconciling || state.reconciledAt().isEmpty()) {
            state.reconciled(localClock.instant());
        }
        if (reconciling && serverTime != null) {
            forgetWhatNoReadReturns(serverTime);
        }
    }

    /**
     * The keys of items no later read can return are forgotten, so the store holds what a re-read can still return,
     * not history. A read starts at the earliest one reconciliation horizon and one overlap before the cursor
     * (BigMarker's clock, just now); keys are stamped by the local clock when recorded, so one more horizon is kept as
     * a margin for the two clocks.
     */
    private void forgetWhatNoReadReturns(Instant cursor) {
        Instant earliestRead = cursor.minus(settings.reconcileHorizon()).minus(settings.overlap());
        state.forgetItemsRecordedBefore(earliestRead.minus(settings.reconcileHorizon()));
    }

    /** BigMarker's clock at the read's start, or, without one, the mark that the list was scanned. */
    private void saveCursor(Instant serverTime, boolean priming) {
        if (!timeFiltered) {
            state.markScanned();
        } else if (serverTime != null) {
            state.advanceCursor(serverTime);
        } else if (priming && state.cursor().isEmpty()) {
            state.markScanned();
        }
    }
}
