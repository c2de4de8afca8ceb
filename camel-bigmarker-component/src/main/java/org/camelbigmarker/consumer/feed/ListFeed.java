package org.camelbigmarker.consumer.feed;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import org.camelbigmarker.BigMarkerOperation;
import org.camelbigmarker.api.ApiCaller;
import org.camelbigmarker.api.Pager;
import org.camelbigmarker.consumer.delivery.DeliveryRound;
import org.camelbigmarker.consumer.delivery.Emitter;
import org.camelbigmarker.consumer.delivery.FeedItem;
import org.camelbigmarker.consumer.feed.ListPages.KeyedItem;
import org.camelbigmarker.operation.InvalidParameterException;
import org.camelbigmarker.operation.Paging;
import org.camelbigmarker.operation.ParameterSpec;
import org.camelbigmarker.operation.ParameterType;

/**
 * The items of one list operation with fixed parameters (a scope) that were not delivered before.
 * <p>
 * Each poll reads every page (the API's start_time filter narrows the read to recent items where the operation has
 * one) and emits the items whose key the de-duplication store does not hold. The cursor, BigMarker's clock at the
 * start of the last complete poll, moves only after every item of a poll was delivered successfully and the list did
 * not shift while it was read; the filter reaches {@code overlap} before the cursor so that late-indexed items are
 * still seen, and the store keeps the overlap from delivering twice.
 */
public final class ListFeed implements Feed, PushTarget {

    private final ApiCaller caller;
    private final BigMarkerOperation operation;
    private final Map<String, Object> parameters;
    private final ItemIdentity identity;
    private final ReadSettings settings;
    private final ListState state;
    private final ReadWindow window;
    private final CursorClock cursorClock;
    private final Function<JsonNode, FeedItemBody> bodies;
    private final String scope;
    private final boolean timeFiltered;

    /** How an item becomes a body and headers; the feed adds the key. */
    public record FeedItemBody(Object body, Map<String, Object> headers) {
    }

    public ListFeed(ApiCaller caller, BigMarkerOperation operation, Map<String, Object> parameters,
             ItemIdentity identity, ReadSettings settings, FeedState feedState,
             Function<JsonNode, FeedItemBody> bodies) {
        if (!operation.result().list()) {
            throw new InvalidParameterException("operation", operation + " does not return a list, so it cannot feed a"
                                                             + " consumer; use one of the list operations");
        }
        this.caller = caller;
        this.operation = operation;
        this.parameters = Scopes.withoutPaging(parameters);
        this.identity = feedState.spelled(identity);
        this.settings = settings;
        this.bodies = bodies;
        this.scope = Scopes.ofList(operation, this.parameters);
        this.state = feedState.list(scope);
        this.cursorClock = new CursorClock(settings.clock(), scope);
        ParameterSpec startTime = operation.parameters().get("start_time");
        this.timeFiltered = startTime != null && startTime.type() == ParameterType.EPOCH_SECONDS;
        this.window = new ReadWindow(settings, state, timeFiltered);
        if (settings.startFrom().kind() == StartFrom.Kind.TIME && !timeFiltered) {
            throw new InvalidParameterException("startFrom", "is a time, but " + operation + " has no start_time"
                                                             + " filter; use beginning or now");
        }
    }


    @Override
    public String scope() {
        return scope;
    }

    @Override
    public Map<String, Object> progress() {
        Map<String, Object> progress = state.progress();
        progress.put("clockSkewSeconds", cursorClock.skewSeconds());
        return progress;
    }

    @Override
    public String replayFrom(Instant from) {
        if (!timeFiltered) {
            throw new UnsupportedOperationException(operation + " has no time filter, so every poll reads it whole:"
                                                    + " reset the consumer to deliver it again");
        }
        int forgotten = state.forgetItemsRecordedSince(from);
        state.rewindCursor(from);
        return forgotten + " items of " + scope + " recorded since " + from + " forgotten; the next poll reads from "
               + from.minus(settings.overlap());
    }

    /**
     * Forgets the conference's items (a list of one conference: all of them; a channel's: those keyed by that
     * conference) and moves the cursor back over the reconciliation horizon, so the next poll reads them again.
     */
    @Override
    public String replayConference(String conference) {
        Object fixed = parameters.get("conference_id");
        if (fixed != null && !fixed.toString().equals(conference)) {
            throw new IllegalArgumentException("this consumer watches conference " + fixed + ", not " + conference);
        }
        String identityPrefix = fixed != null ? "" : identity.prefixWhere("conference_id", conference).orElseThrow(
                () -> new UnsupportedOperationException(operation + " items are not keyed by conference: reset"
                                                        + " instead"));
        int forgotten = state.forgetItems(identityPrefix);
        Optional<ListState.Cursor> cursor = state.cursor();
        if (timeFiltered && cursor.isPresent() && !cursor.get().scanned()) {
            state.rewindCursor(window.horizonStart(cursor.get().time()));
        }
        return forgotten + " items of conference " + conference + " forgotten; the next poll reads them again";
    }

    @Override
    public String reset() {
        return state.reset() + " items of " + scope + " forgotten, cursor removed; the next poll starts from "
               + settings.startFrom().kind().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** An item that arrived another way (a webhook), keyed and shaped exactly as this feed's reads would. */
    @Override
    public FeedItem pushed(JsonNode item) {
        FeedItemBody body = bodies.apply(item);
        return new FeedItem(keyOfItem(item), body.body(), body.headers());
    }

    @Override
    public Optional<String> keyOf(JsonNode item) {
        return Optional.of(keyOfItem(item));
    }

    String keyOfItem(JsonNode item) {
        return state.itemKey(identity.of(item));
    }

    @Override
    public int poll(Emitter emitter) throws Exception {
        Optional<ListState.Cursor> saved = state.cursor();
        if (saved.isEmpty() && settings.startFrom().kind() == StartFrom.Kind.NOW) {
            startFromNow(emitter);
            return 0;
        }
        Instant from = saved.isPresent() ? saved.get().time() : settings.startFrom().time(); // scanned: no time
        if (from != null && window.reconciliationDue()) {
            return read(emitter, window.horizonStart(from), false, true);
        }
        return read(emitter, from, false, false);
    }

    /**
     * Items that exist when the consumer first starts are not news: every item the next poll would read again is
     * marked as seen without being delivered, that is those of the overlap before BigMarker's "now" (a one-item read
     * tells its clock), or, without a time filter or a Date header to tell the time, the whole list. The cursor then
     * records that "now", or that the list was scanned, so later polls deliver what is new instead of priming again.
     */
    private void startFromNow(Emitter emitter) throws Exception {
        Instant now = null;
        if (timeFiltered) {
            Map<String, Object> probe = new LinkedHashMap<>(parameters);
            if (operation.result().paged()) {
                probe.put(Paging.PER_PAGE, 1);
            }
            now = cursorClock.cursorTime(caller.call(operation, probe).serverTime());
            if (now != null) {
                state.setFloor(now.minus(settings.overlap()));
            }
        }
        read(emitter, now, true, false);
    }

    /**
     * Reads every page from {@code from} (less the overlap) and emits, or only marks as seen when priming, the items
     * not delivered before. The cursor moves when, and only when, the read is proven complete (the pager reached the
     * last page, no page was cut short, the list did not shift under it) and every item it met, including items
     * still in flight from earlier polls, was delivered.
     */
    private int read(Emitter emitter, Instant from, boolean priming, boolean reconciling) throws Exception {
        Map<String, Object> request = new LinkedHashMap<>(parameters);
        if (timeFiltered && from != null) {
            request.put("start_time", window.startOfRead(from).getEpochSecond());
        }
        Pager<KeyedItem> pager = new Pager<>(caller, operation, request, item -> new KeyedItem(keyOfItem(item), item),
                settings.maxPages());
        Instant[] serverTime = new Instant[1];
        DeliveryRound round = emitter.newRound(() -> window.completed(serverTime[0], priming, reconciling));
        ListPages pages = new ListPages(bodies);
        int emitted = 0;
        while (pager.hasNext()) {
            Pager.Page<KeyedItem> page = pager.next();
            if (serverTime[0] == null) {
                serverTime[0] = cursorClock.cursorTime(page.serverTime());
            }
            Set<String> keys = pages.keysOf(page);
            if (priming) {
                emitter.items().markSeen(keys);
                continue;
            }
            List<FeedItem> fresh = pages.fresh(page, keys, emitter, round);
            if (!fresh.isEmpty()) {
                emitted += fresh.size();
                if (!emitter.emit(fresh, round)) {
                    pages.cutShort();
                    break;
                }
            }
        }
        round.seal(pages.provenComplete() && pager.end() == Pager.End.LAST_PAGE);
        return emitted;
    }
}
