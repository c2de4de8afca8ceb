package org.camelbigmarker.consumer.delivery;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camelbigmarker.api.JsonSupport;
import org.camelbigmarker.model.Registration;
import org.camelbigmarker.state.MemoryConsumerStore;
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
}
