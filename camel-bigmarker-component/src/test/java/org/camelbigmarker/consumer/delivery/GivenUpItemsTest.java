package org.camelbigmarker.consumer.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camelbigmarker.api.JsonSupport;
import org.camelbigmarker.model.Registration;
import org.camelbigmarker.state.MemoryConsumerStore;
import org.camelbigmarker.testing.DrivenClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Kept items come back as they were delivered, and never as a class a record in the store names. */
class GivenUpItemsTest {

    private final MemoryConsumerStore store = new MemoryConsumerStore();
    private final GivenUpItems kept = new GivenUpItems(store, "given-up#", key -> "given-up#" + key,
            Clock.systemUTC());

    @Test
    void aModelBodyComesBackAsTheModel() throws Exception {
        Registration registration = JsonSupport.mapper().readValue(
                "{\"email\":\"ann@example.com\",\"conference_id\":\"c1\",\"extra\":1}", Registration.class);
        kept.keep(new FeedItem("k1", registration, Map.of("CamelBigMarkerConferenceId", "c1")), 3, "boom");
        Object body = kept.get("k1").orElseThrow().item().body();
        assertThat(body).isInstanceOf(Registration.class);
        assertThat(((Registration) body).getEmail()).isEqualTo("ann@example.com");
        assertThat(((Registration) body).get("extra")).isEqualTo(1);
    }

    @Test
    void aClassNamedByARecordOutsideTheModelsIsNotInstantiated() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", "http://example.com");
        kept.keep(new FeedItem("k2", body, Map.of()), 3, "boom");
        String record = store.value("given-up#k2");
        store.setValue("given-up#k2", record.replace("java.util.LinkedHashMap", "java.net.URL"));
        Object read = kept.get("k2").orElseThrow().item().body();
        assertThat(read).as("plain JSON values, not the class the record chose").isInstanceOf(Map.class);
        assertThat(GivenUpItems.bodyType("org.camelbigmarker.model.NoSuchModel")).isEqualTo(Object.class);
        assertThat(GivenUpItems.bodyType("org.camelbigmarker.state.JdbcConsumerStore")).isEqualTo(Object.class);
    }

    @Test
    void beyondTheLimitTheOldestIsDroppedAndTheCountFollowsTheStore() {
        DrivenClock clock = new DrivenClock();
        GivenUpItems limited = new GivenUpItems(store, "limited#", key -> "limited#" + key, clock);
        for (int i = 0; i < GivenUpItems.MAX_KEPT; i++) {
            limited.keep(new FeedItem("k" + i, "body", Map.of()), 3, "boom");
            clock.advance(Duration.ofSeconds(1));
        }
        limited.keep(new FeedItem("k0", "body", Map.of()), 4, "again"); // kept again: replaces, adds nothing
        assertThat(limited.count()).isEqualTo(GivenUpItems.MAX_KEPT);
        assertThat(limited.get("k1")).isPresent();

        limited.keep(new FeedItem("newest", "body", Map.of()), 3, "boom");
        assertThat(limited.count()).isEqualTo(GivenUpItems.MAX_KEPT);
        assertThat(limited.get("k1")).as("the oldest (k0 was kept again since)").isEmpty();
        assertThat(limited.get("k0")).isPresent();
        assertThat(limited.get("newest")).isPresent();

        store.setValue("limited#elsewhere", store.value("limited#k2").replace("\"k2\"", "\"elsewhere\""));
        limited.remove("k3"); // a change here reads the store again: a record another node kept is counted
        assertThat(limited.count()).isEqualTo(GivenUpItems.MAX_KEPT);
    }
}
