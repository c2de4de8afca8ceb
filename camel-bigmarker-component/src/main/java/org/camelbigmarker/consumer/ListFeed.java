package org.camelbigmarker.consumer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.spi.StateRepository;
import org.camelbigmarker.BigMarkerOperation;
import org.camelbigmarker.api.ApiCaller;
import org.camelbigmarker.api.PageInfo;
import org.camelbigmarker.api.ResultMapper;
import org.camelbigmarker.client.ApiResponse;
import org.camelbigmarker.client.ListAnswer;
import org.camelbigmarker.operation.InvalidParameterException;
import org.camelbigmarker.operation.ParameterSpec;
import org.camelbigmarker.operation.ParameterType;
import org.camelbigmarker.operation.Paging;

/**
 * The items of one list operation with fixed parameters (a scope) that were not delivered before.
 * <p>
 * Each poll reads every page (the API's start_time filter narrows the read to recent items where the operation has
 * one) and emits the items whose key the de-duplication store does not hold. The cursor, BigMarker's clock at the
 * start of the last complete poll, moves only after every item of a poll was delivered successfully and the list did
 * not shift while it was read; the filter reaches {@code overlap} before the cursor so that late-indexed items are
 * still seen, and the store keeps the overlap from delivering twice.
 */
final class ListFeed implements Feed {

    static final String SCANNED = "scanned";

    private final ApiCaller caller;
    private final ResultMapper results;
    private final BigMarkerOperation operation;
    private final Map<String, Object> parameters;
    private final ItemIdentity identity;
    private final StartFrom startFrom;
    private final Duration overlap;
    private final StateRepository<String, String> state;
    private final Function<JsonNode, FeedItemBody> bodies;
    private final String scope;
    private final boolean timeFiltered;

    /** How an item becomes a body and headers; the feed adds the key. */
    record FeedItemBody(Object body, Map<String, Object> headers) {
    }

    ListFeed(ApiCaller caller, ResultMapper results, BigMarkerOperation operation, Map<String, Object> parameters,
             ItemIdentity identity, StartFrom startFrom, Duration overlap, StateRepository<String, String> state,
             Function<JsonNode, FeedItemBody> bodies) {
        if (!operation.result().list()) {
            throw new InvalidParameterException("operation", operation + " does not return a list, so it cannot feed a"
                                                             + " consumer; use one of the list operations");
        }
        this.caller = caller;
        this.results = results;
        this.operation = operation;
        this.parameters = withoutPaging(parameters);
        this.identity = identity;
        this.startFrom = startFrom;
        this.overlap = overlap;
        this.state = state;
        this.bodies = bodies;
        this.scope = scopeOf(operation, this.parameters);
        ParameterSpec startTime = operation.parameters().get("start_time");
        this.timeFiltered = startTime != null && startTime.type() == ParameterType.EPOCH_SECONDS;
        if (startFrom.kind() == StartFrom.Kind.TIME && !timeFiltered) {
            throw new InvalidParameterException("startFrom", "is a time, but " + operation + " has no start_time"
                                                             + " filter; use beginning or now");
        }
    }

    /**
     * A stable, compact name for what this feed watches: the operation and a digest of its parameters (sorted; the
     * page size left out, since it does not change what is watched). Compact and free of '=' and spaces, so that any
     * store keeps it as it is (a file store splits on '=', JDBC stores limit key length).
     */
    static String scopeOf(BigMarkerOperation operation, Map<String, Object> parameters) {
        Map<String, String> watched = new TreeMap<>();
        parameters.forEach((name, value) -> watched.put(name, String.valueOf(value)));
        watched.remove(Paging.PER_PAGE);
        return watched.isEmpty() ? operation.name()
                : operation.name() + "-" + ItemIdentity.digest(watched.toString()).substring(0, 12);
    }

    String scope() {
        return scope;
    }

    private String cursorKey() {
        return "bigmarker-cursor:" + scope;
    }

    String keyOf(JsonNode item) {
        return "bigmarker:" + scope + ":" + identity.of(item);
    }

    @Override
    public int poll(Emitter emitter) throws Exception {
        String saved = state.getState(cursorKey());
        Instant from;
        if (saved != null) {
            from = saved.equals(SCANNED) ? null : Instant.ofEpochSecond(Long.parseLong(saved));
        } else if (startFrom.kind() == StartFrom.Kind.NOW) {
            startFromNow(emitter);
            return 0;
        } else {
            from = startFrom.time();
        }
        return read(emitter, from, false);
    }

    /** Items that exist now are not news: remember where "now" is, then deliver what comes after. */
    private void startFromNow(Emitter emitter) throws Exception {
        if (timeFiltered) {
            Map<String, Object> probe = new LinkedHashMap<>(parameters);
            if (operation.result().paged()) {
                probe.put(Paging.PER_PAGE, 1);
            }
            Instant now = caller.call(operation, probe).serverTime();
            if (now != null) {
                state.setState(cursorKey(), String.valueOf(now.getEpochSecond()));
                return;
            }
        }
        read(emitter, null, true);
    }

    /**
     * Reads every page from {@code from} (less the overlap) and emits, or only marks as seen when priming, the items
     * not delivered before.
     */
    private int read(Emitter emitter, Instant from, boolean priming) throws Exception {
        Map<String, Object> request = new LinkedHashMap<>(parameters);
        if (timeFiltered && from != null) {
            request.put("start_time", from.minus(overlap).getEpochSecond());
        }
        Paging paging = operation.result().paging();
        Instant[] serverTime = new Instant[1];
        DeliveryRound round = new DeliveryRound(() -> saveCursor(serverTime[0]));
        // Shift detection needs only the page before: an item pushed down by an insertion shows up again at the top
        // of the next page, a deletion changes the total. Keeping one page of keys keeps memory per page, not per list.
        Set<String> previousPage = new HashSet<>();
        boolean complete = true;
        boolean shifted = false;
        Long firstTotal = null;
        Integer fullPageSize = null;
        long read = 0;
        int emitted = 0;
        for (int pageNumber = 1;; pageNumber++) {
            if (paging != Paging.NONE) {
                request.put(paging.pageParameter(), pageNumber);
            }
            ApiResponse response = caller.call(operation, request);
            if (serverTime[0] == null) {
                serverTime[0] = response.serverTime();
            }
            ListAnswer<PageEntry> page = response.readList(operation.result().itemsKey(),
                    item -> entryOf(item, emitter, priming));
            PageInfo info = page.paging();
            if (firstTotal == null) {
                firstTotal = info.totalEntries();
            } else if (!Objects.equals(firstTotal, info.totalEntries())) {
                shifted = true; // the list changed while it was read: an item may have moved past us
            }
            List<FeedItem> fresh = new ArrayList<>();
            Set<String> thisPage = new HashSet<>();
            for (PageEntry entry : page.items()) {
                if (previousPage.contains(entry.key()) || !thisPage.add(entry.key())) {
                    shifted = true;
                } else if (priming) {
                    emitter.markSeen(entry.key());
                } else if (entry.item() != null) {
                    fresh.add(entry.item());
                }
            }
            if (!fresh.isEmpty()) {
                emitted += fresh.size();
                if (!emitter.emit(fresh, round)) {
                    complete = false;
                    break;
                }
            }
            previousPage = thisPage;
            int size = page.items().size();
            read += size;
            if (fullPageSize == null) {
                Object asked = request.get(Paging.PER_PAGE);
                fullPageSize = asked != null ? Integer.valueOf(asked.toString()) : size;
            }
            if (paging == Paging.NONE || !info.hasMoreAfter(pageNumber, size, read, fullPageSize)) {
                break;
            }
        }
        round.seal(complete && !shifted);
        return emitted;
    }

    /**
     * An item of a page as it is parsed: its key, and what to deliver when it is new. Only new items keep a body, so
     * a page of items already delivered costs their keys alone.
     */
    private record PageEntry(String key, FeedItem item) {
    }

    private PageEntry entryOf(JsonNode item, Emitter emitter, boolean priming) {
        String key = keyOf(item);
        if (priming || emitter.alreadySeen(key)) {
            return new PageEntry(key, null);
        }
        FeedItemBody body = bodies.apply(item);
        return new PageEntry(key, new FeedItem(key, body.body(), body.headers()));
    }

    private void saveCursor(Instant serverTime) {
        if (!timeFiltered) {
            state.setState(cursorKey(), SCANNED);
        } else if (serverTime != null) {
            state.setState(cursorKey(), String.valueOf(serverTime.getEpochSecond()));
        }
    }

    private static Map<String, Object> withoutPaging(Map<String, Object> parameters) {
        Map<String, Object> copy = new LinkedHashMap<>(parameters);
        copy.remove("page");
        copy.remove("current_page");
        copy.remove("start_time");
        return copy;
    }
}
