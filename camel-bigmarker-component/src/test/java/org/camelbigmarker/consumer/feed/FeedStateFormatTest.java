package org.camelbigmarker.consumer.feed;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camelbigmarker.state.MemoryConsumerStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The state formats a store may have been written with, and the item keys each gives. */
class FeedStateFormatTest {

    private static final String SCOPE = "listChannelRegistrations-0123456789ab";
    private static final String IDENTITY = "conference_id=c12|email=person123456@example.com";

    @Test
    void aNewStoreIsWrittenInFormat4WithShortItemKeys() {
        MemoryConsumerStore store = new MemoryConsumerStore();
        FeedState state = new FeedState(store);
        state.checkFormat();
        assertThat(store.value("bigmarker-state-format")).isEqualTo("4");
        String key = state.list(SCOPE).itemKey(IDENTITY);
        assertThat(key).matches("[0-9a-f]{12}:" + java.util.regex.Pattern.quote(IDENTITY))
                .isNotEqualTo(new FeedState(store).list("listChannelRegistrations-0123456789ac").itemKey(IDENTITY));
        assertThat(key.length()).as("a third shorter than format 2's").isLessThan(
                ("bigmarker:" + SCOPE + ":" + IDENTITY).length() * 2 / 3 + 1);
    }

    @Test
    void aStoreWrittenInFormat2KeepsItsKeysAndWhatItDelivered() {
        MemoryConsumerStore store = new MemoryConsumerStore();
        store.setValue("bigmarker-state-format", "2");
        String written = "bigmarker:" + SCOPE + ":" + IDENTITY; // as format 2 wrote it
        store.markDelivered(List.of(written), 100);
        FeedState state = new FeedState(store);
        state.checkFormat();
        assertThat(store.value("bigmarker-state-format")).isEqualTo("2");
        assertThat(state.list(SCOPE).itemKey(IDENTITY)).isEqualTo(written);
        assertThat(state.list(SCOPE).forgetItems("")).as("a reset finds its keys").isEqualTo(1);
    }

    @Test
    void aStoreOfAFormatThisVersionDoesNotReadIsRefusedNamingTheFormats() {
        MemoryConsumerStore store = new MemoryConsumerStore();
        store.setValue("bigmarker-state-format", "1");
        assertThatThrownBy(() -> new FeedState(store).checkFormat())
                .hasMessageContaining("written with state format 1").hasMessageContaining("[2, 3, 4]")
                .hasMessageContaining("docs/upgrading.md");
    }

    private static final JsonNode PUSHED = item("{\"conference_id\":\"c1\",\"email\":\" Ann@Example.COM\"}");
    private static final JsonNode LISTED = item("{\"conference_id\":\"c1\",\"email\":\"ann@example.com\"}");

    @Test
    void aNewStoreKeysTwoSpellingsOfOneEmailAsOneItem() {
        FeedState state = new FeedState(new MemoryConsumerStore());
        state.checkFormat();
        ItemIdentity identity = state.spelled(ItemIdentity.fields("conference_id", "email"));
        assertThat(identity.of(PUSHED)).isEqualTo(identity.of(LISTED)).isEqualTo("conference_id=c1|email=ann@example.com");
    }

    @Test
    void aStoreWrittenInFormat3KeepsEmailsAsWrittenSoThatItsKeysStillMatch() {
        MemoryConsumerStore store = new MemoryConsumerStore();
        store.setValue("bigmarker-state-format", "3");
        FeedState state = new FeedState(store);
        state.checkFormat();
        ItemIdentity identity = state.spelled(ItemIdentity.fields("conference_id", "email"));
        assertThat(identity.of(PUSHED)).isEqualTo("conference_id=c1|email= Ann@Example.COM");
        assertThat(store.value("bigmarker-state-format")).isEqualTo("3");
    }

    private static JsonNode item(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (java.io.IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
