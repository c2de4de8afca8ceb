package org.camelbigmarker.consumer.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The prefix a replay forgets by is the start of the keys the identity makes: one rendering, not two. */
class ItemIdentityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void thePrefixOfAConferenceIsTheStartOfItsItemsKeysAndOfNoOthers() throws Exception {
        ItemIdentity channel = ItemIdentity.fields("conference_id", "email");
        String c1 = channel.of(JSON.readTree("{\"conference_id\":\"c1\",\"email\":\"ann@example.com\"}"));
        String c10 = channel.of(JSON.readTree("{\"conference_id\":\"c10\",\"email\":\"ann@example.com\"}"));
        String prefix = channel.prefixWhere("conference_id", "c1").orElseThrow();
        assertThat(c1).startsWith(prefix);
        assertThat(c10).doesNotStartWith(prefix);
        assertThat(ItemIdentity.fields("email").prefixWhere("conference_id", "c1")).isEmpty();
        assertThat(ItemIdentity.FIRST_OF_ID_BMID_EMAIL.prefixWhere("id", "x")).isEmpty();
    }
}
