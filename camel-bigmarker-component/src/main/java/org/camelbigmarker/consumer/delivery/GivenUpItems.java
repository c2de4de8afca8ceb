package org.camelbigmarker.consumer.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camelbigmarker.api.JsonSupport;
import org.camelbigmarker.state.ConsumerStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The items a consumer gave up on after maxDeliveryAttempts, kept in its store (one named value each) with what an
 * operator needs: the key, the attempts, the last failure, when, the item's conference, and the item itself (body and
 * headers) so that it can be redelivered as it was. At most {@value #MAX_KEPT} are kept per consumer: beyond that the
 * oldest is dropped, with a warning. An item whose content is too large for the store's values (4,000 characters in
 * a JdbcConsumerStore) is kept without it: its record names the replay that brings it back.
 */
public final class GivenUpItems {

    /** How many items given up on a consumer keeps. */
    public static final int MAX_KEPT = 1000;
    /** The longest record kept whole: a JdbcConsumerStore's values hold 4,000 characters. */
    static final int MAX_RECORD = 3900;
    private static final int MAX_FAILURE = 500;
    private static final Logger LOG = LoggerFactory.getLogger(GivenUpItems.class);

    /** One item given up on, as kept. {@code item} is null when its content was too large to keep. */
    public record GivenUp(String key, int attempts, String failure, Instant at, String conferenceId, FeedItem item) {
    }

    private final ConsumerStore store;
    private final String namePrefix;
    private final UnaryOperator<String> nameOf;
    private final Clock clock;
    private final ObjectMapper mapper = JsonSupport.mapper();
    private final AtomicInteger kept = new AtomicInteger(-1);

    /**
     * @param namePrefix       how the names of the records start (the store's names are the feed state's to give)
     * @param nameOf           a record's name for an item's key, starting with {@code namePrefix}
     */
    public GivenUpItems(ConsumerStore store, String namePrefix, UnaryOperator<String> nameOf, Clock clock) {
        this.store = store;
        this.namePrefix = namePrefix;
        this.nameOf = nameOf;
        this.clock = clock;
    }

    /** Keeps an item given up on, dropping the oldest kept beyond {@value #MAX_KEPT}. */
    void keep(FeedItem item, int attempts, Throwable failure) {
        keep(item, attempts, failure == null ? "" : failure.getClass().getName() + ": " + failure.getMessage());
    }

    /** Keeps an item given up on with its last failure in words. */
    public void keep(FeedItem item, int attempts, String failure) {
        ObjectNode record = mapper.createObjectNode();
        record.put("key", item.key());
        record.put("attempts", attempts);
        record.put("failure", truncate(failure));
        record.put("at", clock.instant().toString());
        record.put("conferenceId", item.conference());
        ObjectNode withItem = record.deepCopy();
        withItem.set("item", itemAsJson(item));
        String text = withItem.toString();
        store.setValue(nameOf.apply(item.key()), text.length() <= MAX_RECORD ? text : record.toString());
        kept.set(-1); // counted again from the store: other nodes sharing it keep and redeliver too
        if (count() > MAX_KEPT) {
            dropBeyondLimit(); // reads every record, to find the oldest: only when there are too many
        }
    }

    private ObjectNode itemAsJson(FeedItem item) {
        ObjectNode json = mapper.createObjectNode();
        json.put("type", item.body() == null ? null : item.body().getClass().getName());
        json.set("body", mapper.valueToTree(item.body()));
        ObjectNode headers = json.putObject("headers");
        item.headers().forEach((name, value) -> {
            if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                headers.set(name, mapper.valueToTree(value));
            }
        });
        return json;
    }

    private void dropBeyondLimit() {
        List<GivenUp> all = all();
        if (all.size() > MAX_KEPT) {
            all.sort(Comparator.comparing(GivenUp::at));
            for (GivenUp oldest : all.subList(0, all.size() - MAX_KEPT)) {
                store.removeValue(nameOf.apply(oldest.key()));
                LOG.warn("A BigMarker consumer keeps {} items given up on: dropped the oldest, given up at {}"
                         + " (redeliver or discard given-up items, docs/operations.md)", MAX_KEPT, oldest.at());
            }
            kept.set(-1);
        }
    }

    /** Every item kept, oldest first. */
    public List<GivenUp> all() {
        List<GivenUp> all = new ArrayList<>();
        store.values(namePrefix).values().forEach(text -> read(text).ifPresent(all::add));
        all.sort(Comparator.comparing(GivenUp::at));
        return all;
    }

    public Optional<GivenUp> get(String key) {
        String text = store.value(nameOf.apply(key));
        return text == null ? Optional.empty() : read(text);
    }

    /** Forgets the record of an item (redelivered, or discarded by an operator). */
    public void remove(String key) {
        store.removeValue(nameOf.apply(key));
        kept.set(-1);
    }

    /** How many are kept (read from the store once, then after each change). */
    public int count() {
        int count = kept.get();
        if (count < 0) {
            count = store.values(namePrefix).size();
            kept.set(count);
        }
        return count;
    }

    private Optional<GivenUp> read(String text) {
        try {
            JsonNode record = mapper.readTree(text);
            JsonNode conference = record.get("conferenceId");
            return Optional.of(new GivenUp(record.path("key").asText(), record.path("attempts").asInt(),
                    record.path("failure").asText(), Instant.parse(record.path("at").asText()),
                    conference == null || conference.isNull() ? null : conference.asText(),
                    itemOf(record.path("key").asText(), record.get("item"))));
        } catch (JsonProcessingException | RuntimeException unreadable) {
            LOG.warn("A record of an item given up on could not be read, and is left as it is: {}",
                    unreadable.getMessage());
            return Optional.empty();
        }
    }

    private FeedItem itemOf(String key, JsonNode item) throws JsonProcessingException {
        if (item == null || item.isNull()) {
            return null;
        }
        Object body = null;
        if (!item.path("type").isNull() && !item.path("type").isMissingNode()) {
            body = mapper.treeToValue(item.get("body"), bodyType(item.path("type").asText()));
        }
        Map<String, Object> headers = new LinkedHashMap<>();
        item.path("headers").fields().forEachRemaining(header -> headers.put(header.getKey(),
                mapper.convertValue(header.getValue(), Object.class)));
        return new FeedItem(key, body, headers);
    }

    /**
     * The class a kept body is read back as: one of the bodies a consumer delivers (a model of
     * {@code org.camelbigmarker.model}, or text); anything else a record names (a store is a shared database others can
     * write) is read as plain JSON values (maps, lists), never as a class the record chose.
     */
    static Class<?> bodyType(String recorded) {
        if (recorded.equals(String.class.getName())) {
            return String.class;
        }
        if (recorded.startsWith(MODELS)) {
            try {
                Class<?> model = Class.forName(recorded, false, GivenUpItems.class.getClassLoader());
                if (org.camelbigmarker.model.BigMarkerObject.class.isAssignableFrom(model)) {
                    return model;
                }
            } catch (ClassNotFoundException gone) { // a model of another version: its fields as plain values
                return Object.class;
            }
        }
        return Object.class;
    }

    private static final String MODELS = "org.camelbigmarker.model.";

    private static String truncate(String text) {
        return text.length() <= MAX_FAILURE ? text : text.substring(0, MAX_FAILURE) + "...";
    }
}
