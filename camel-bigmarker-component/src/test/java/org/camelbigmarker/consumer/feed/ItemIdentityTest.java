package org.camelbigmarker.consumer.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What makes two items one: named fields, the first present, the content; e-mails spelled one way; replay prefixes. */
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

    @Test
    void anEmailCountsWithoutBlanksAroundItAndWithoutRegardToCaseWhereverItIs() throws Exception {
        String pushed = "{\"conference_id\":\"c1\",\"email\":\"  Ann.Lee@Example.COM \"}";
        String listed = "{\"conference_id\":\"c1\",\"email\":\"ann.lee@example.com\"}";
        for (ItemIdentity identity : java.util.List.of(ItemIdentity.fields("email"),
                ItemIdentity.fields("conference_id", "email"), ItemIdentity.FIRST_OF_ID_BMID_EMAIL,
                ItemIdentity.parse("EMAIL"))) {
            assertThat(identity.of(JSON.readTree(pushed))).as(identity.describe())
                    .isEqualTo(identity.of(JSON.readTree(listed))).contains("ann.lee@example.com");
        }
    }

    @Test
    void otherFieldsAndTheInsideOfAnAddressAreKeptAsTheyAre() throws Exception {
        ItemIdentity identity = ItemIdentity.fields("id");
        assertThat(identity.of(JSON.readTree("{\"id\":\"AbC\"}"))).isEqualTo("id=AbC");
        ItemIdentity email = ItemIdentity.fields("email");
        assertThat(email.of(JSON.readTree("{\"email\":\"ann@example.com\"}")))
                .isNotEqualTo(email.of(JSON.readTree("{\"email\":\"anna@example.com\"}")));
    }

    @Test
    void asWrittenKeepsTheSpellingOfEarlierStores() throws Exception {
        assertThat(ItemIdentity.fields("email").asWritten().of(JSON.readTree("{\"email\":\" Ann@Example.com\"}")))
                .isEqualTo("email= Ann@Example.com");
    }
}
