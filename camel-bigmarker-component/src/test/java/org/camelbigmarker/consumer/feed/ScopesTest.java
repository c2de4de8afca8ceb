package org.camelbigmarker.consumer.feed;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camelbigmarker.BigMarkerOperation;
import org.camelbigmarker.ConsumerEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a feed watches, named compactly and stably: the same list is one scope, another list another. */
class ScopesTest {

    @Test
    void aListsScopeIgnoresTheOrderOfItsParametersAndThePageSize() {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("conference_id", "c1");
        one.put("per_page", 100);
        Map<String, Object> other = new LinkedHashMap<>();
        other.put("per_page", 25);
        other.put("conference_id", "c1");
        String scope = Scopes.ofList(BigMarkerOperation.listRegistrations, one);
        assertThat(scope).isEqualTo(Scopes.ofList(BigMarkerOperation.listRegistrations, other))
                .matches("listRegistrations-[0-9a-f]{12}").doesNotContain("=", " ");
        assertThat(Scopes.ofList(BigMarkerOperation.listRegistrations, Map.of("conference_id", "c2")))
                .isNotEqualTo(scope);
        assertThat(Scopes.ofList(BigMarkerOperation.listChannels, Map.of())).isEqualTo("listChannels");
    }

    @Test
    void theParametersEachReadSetsAreNotPartOfTheList() {
        assertThat(Scopes.withoutPaging(Map.of("page", 2, "current_page", 3, "start_time", 1, "type", "past")))
                .containsOnlyKeys("type");
    }

    @Test
    void pushedEventsAndReportsHaveTheirOwnScopes() {
        assertThat(Scopes.ofPushed(ConsumerEvent.waitingRoomOpened, null)).isEqualTo("webhook-waitingRoomOpened");
        assertThat(Scopes.ofPushed(ConsumerEvent.liveAttendeeData, "c1")).isEqualTo("webhook-liveAttendeeData-c1");
        assertThat(Scopes.ofConference("c1")).isEqualTo("conference-c1");
    }
}
