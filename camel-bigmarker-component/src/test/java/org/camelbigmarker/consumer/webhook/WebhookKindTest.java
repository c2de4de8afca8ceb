package org.camelbigmarker.consumer.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camelbigmarker.BigMarkerOperation;
import org.camelbigmarker.operation.ParameterType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Each webhook's fields are Update Conference's, and its payload becomes the item the list would show. */
class WebhookKindTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(WebhookKind.class)
    void itsFieldsAreUpdateConferencesWithTheirTypes(WebhookKind kind) {
        assertThat(BigMarkerOperation.updateConference.parameters().get(kind.enableField()).type())
                .isEqualTo(ParameterType.BOOLEAN);
        assertThat(BigMarkerOperation.updateConference.parameters()).containsKey(kind.urlField());
    }

    @Test
    void aRegistrationBecomesTheListsRegistrationWithItsConferenceFromTheUrl() throws Exception {
        JsonNode payload = JSON.readTree("{\"registration\":{\"email\":\"ann@example.com\",\"bmid\":\"b1\","
                                         + "\"custom_field_Company\":\"Acme\",\"conference_id\":\"elsewhere\"}}");
        ObjectNode item = WebhookKind.NEW_REGISTRATION.itemOf(payload, "c1");
        assertThat(item.path("conference_id").asText()).as("the URL it was sent to names it").isEqualTo("c1");
        assertThat(item.path("custom_fields").path("Company").asText()).isEqualTo("Acme");
        assertThat(item.has("custom_field_Company")).isFalse();
        assertThat(WebhookKind.NEW_REGISTRATION.itemOf(JSON.readTree("{\"registration\":{\"email\":\" \"}}"), "c1"))
                .as("no e-mail: not a registration").isNull();
    }

    @Test
    void aConferenceEventTakesTheConferenceWrappedOrNotAndDataComesAsItIs() throws Exception {
        assertThat(WebhookKind.WEBINAR_END.itemOf(JSON.readTree("{\"conference\":{\"title\":\"Q4\"}}"), "c1"))
                .isEqualTo(JSON.readTree("{\"title\":\"Q4\",\"id\":\"c1\"}"));
        assertThat(WebhookKind.WEBINAR_START.itemOf(JSON.readTree("{\"title\":\"Q4\"}"), "c1").path("id").asText())
                .isEqualTo("c1");
        assertThat(WebhookKind.LIVE_ATTENDEE_DATA.itemOf(JSON.readTree("{\"viewer\":{\"email\":\"x\"}}"), "c1")
                .path("viewer").path("email").asText()).isEqualTo("x");
        assertThat(WebhookKind.ON_DEMAND_VIEWER.itemOf(JSON.readTree("[1,2]"), "c1")).isNull();
    }
}
