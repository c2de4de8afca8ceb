package org.camelbigmarker.consumer;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.camelbigmarker.BigMarkerComponent;
import org.camelbigmarker.BigMarkerConstants;
import org.camelbigmarker.ConsumerOperations;
import org.camelbigmarker.ConsumerOperations.GivenUpItem;
import org.camelbigmarker.ConsumerOperations.ItemLookup;
import org.camelbigmarker.ConsumerOperations.Redelivery;
import org.camelbigmarker.sandbox.BigMarkerSandbox;
import org.camelbigmarker.state.MemoryConsumerStore;
import org.camelbigmarker.testing.ConsumerHarness;
import org.camelbigmarker.testing.DrivenClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An item the route gives up on is kept (key, attempts, last failure, time, conference, content), listed, and sent
 * again by an operator once the route is fixed: the route receives it once more, and no poll sends it again. An
 * operator looks up where any item stands, by key or by its fields, from Java and from the dev console.
 */
class GivenUpItemsTest {

    private final BigMarkerSandbox server = BigMarkerSandbox.start();
    private final DrivenClock clock = new DrivenClock(Instant.parse("2026-12-04T10:00:00Z"));
    private final MemoryConsumerStore store = new MemoryConsumerStore();
    private ConsumerHarness harness;
    private ConsumerOperations operations;

    GivenUpItemsTest() throws Exception {
    }

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
        server.close();
    }

    private List<String> startWithAPoisonItem() throws Exception {
        server.conference("c1", "future");
        List<String> emails = server.register("c1", 3);
        harness = new ConsumerHarness(server.baseUrl(), BigMarkerSandbox.API_KEY,
                "registrations?operation=listRegistrations&conferenceId=c1&maxDeliveryAttempts=2"
                + "&consumerStore=#store",
                camel -> {
                    camel.getComponent("bigmarker", BigMarkerComponent.class).setClock(clock);
                    camel.setDevConsole(true);
                }, "store", store);
        operations = ConsumerOperations.of(harness.camel, ConsumerHarness.ROUTE);
        harness.failAlwaysFor(emails.get(0));
        harness.poll();
        harness.poll(); // the second failure: given up
        return emails;
    }

    private String keyOf(String email) {
        return operations.lookupItem(Map.of("email", email)).key();
    }

    @Test
    void anItemGivenUpOnIsKeptListedAndRedeliveredOnceWhenTheRouteIsFixed() throws Exception {
        List<String> emails = startWithAPoisonItem();
        String poison = emails.get(0);
        List<GivenUpItem> givenUp = operations.givenUp();
        assertThat(givenUp).hasSize(1);
        GivenUpItem kept = givenUp.get(0);
        assertThat(kept.key()).isEqualTo(keyOf(poison));
        assertThat(kept.attempts()).isEqualTo(2);
        assertThat(kept.lastFailure()).contains("the route failed for " + poison);
        assertThat(kept.givenUpAt()).isEqualTo(clock.instant());
        assertThat(kept.conferenceId()).isEqualTo("c1");
        assertThat(kept.contentKept()).isTrue();
        assertThat(operations.lookup(kept.key()).state()).isEqualTo("given_up");
        org.apache.camel.health.HealthCheck health = org.apache.camel.health.HealthCheckRegistry.get(harness.camel)
                .getCheck("bigmarker-delivery-" + ConsumerHarness.ROUTE).orElseThrow();
        assertThat(health.call().getDetails()).as("the health check's details")
                .containsEntry("bigmarker.items.given.up.kept", 1L);

        harness.heal();
        Redelivery redelivery = operations.redeliverGivenUp(kept.key());
        assertThat(redelivery.delivered()).containsExactly(kept.key());
        assertThat(harness.emails()).containsOnlyOnce(poison).hasSize(3);
        org.apache.camel.Exchange again = harness.delivered.get(harness.delivered.size() - 1);
        assertThat(again.getMessage().getHeader(BigMarkerConstants.DELIVERED_BY)).isEqualTo("redelivery");
        assertThat(again.getMessage().getHeader(BigMarkerConstants.CONFERENCE_ID)).isEqualTo("c1");
        org.camelbigmarker.model.Registration body = again.getMessage()
                .getBody(org.camelbigmarker.model.Registration.class);
        assertThat(body.getEmail()).as("the item as it was given up on").isEqualTo(poison);
        assertThat(body.getConferenceId()).isEqualTo(harness.delivered.get(0).getMessage()
                .getBody(org.camelbigmarker.model.Registration.class).getConferenceId());
        assertThat(operations.givenUp()).isEmpty();
        assertThat(operations.lookup(kept.key()).state()).isEqualTo("delivered");
        assertThat(health.call().getDetails()).containsEntry("bigmarker.items.given.up.kept", 0L);

        harness.poll();
        assertThat(harness.emails()).as("no poll sends it again").containsOnlyOnce(poison).hasSize(3);
    }

    @Test
    void anItemThatFailsAgainWhenRedeliveredIsKeptAgainAndNothingIsLost() throws Exception {
        List<String> emails = startWithAPoisonItem();
        String key = keyOf(emails.get(0));
        Redelivery redelivery = operations.redeliverAllGivenUp();
        assertThat(redelivery.givenUpAgain()).containsExactly(key);
        assertThat(operations.givenUp()).extracting(GivenUpItem::key).containsExactly(key);
        assertThat(operations.lookup(key).state()).isEqualTo("given_up");
        harness.heal();
        assertThat(operations.redeliverGivenUpOfConference("c1").delivered()).containsExactly(key);
        assertThat(operations.redeliverGivenUpOfConference("c1").delivered()).as("nothing left").isEmpty();
    }

    @Test
    void aDiscardedItemIsForgottenWithoutBeingDelivered() throws Exception {
        List<String> emails = startWithAPoisonItem();
        String key = keyOf(emails.get(0));
        assertThat(operations.discardGivenUp(key)).isTrue();
        assertThat(operations.discardGivenUp(key)).isFalse();
        assertThat(operations.givenUp()).isEmpty();
        assertThat(operations.lookup(key).state()).as("recorded as delivered: no poll brings it").isEqualTo("delivered");
    }

    @Test
    void anOperatorLooksUpADeliveredAndAnUndeliveredItemFromJavaAndTheDevConsole() throws Exception {
        List<String> emails = startWithAPoisonItem();
        String late = server.register("c1", "late@example.com", "Late", "Comer", Map.of()).get("email").asText();

        ItemLookup delivered = operations.lookupItem(Map.of("email", emails.get(1)));
        assertThat(delivered.state()).isEqualTo("delivered");
        assertThat(delivered.deliveredAt()).isEqualTo(clock.instant());
        assertThat(delivered.failures()).isZero();
        assertThat(delivered.givenUp()).isNull();
        assertThat(harness.delivered).filteredOn(exchange -> emails.get(1).equals(exchange.getMessage()
                .getHeader(BigMarkerConstants.EMAIL))).singleElement()
                .satisfies(exchange -> assertThat(exchange.getMessage().getHeader(BigMarkerConstants.ITEM_KEY))
                        .as("the key an operator looks up is on the exchange").isEqualTo(delivered.key()));

        ItemLookup undelivered = operations.lookupItem(Map.of("email", late));
        assertThat(undelivered.state()).isEqualTo("new");
        assertThat(undelivered.deliveredAt()).isNull();
        assertThat(operations.lookupItem(Map.of("email", " LATE@Example.com "))).as("one registrant, two spellings")
                .isEqualTo(undelivered);

        DevConsole console = harness.camel.getCamelContextExtension().getContextPlugin(DevConsoleRegistry.class)
                .resolveById("bigmarker");
        @SuppressWarnings("unchecked")
        Map<String, Object> shown = (Map<String, Object>) ((Map<String, Object>) console.call(DevConsole.MediaType.JSON,
                Map.of("routeId", ConsumerHarness.ROUTE, "key", delivered.key()))).get("lookup");
        assertThat(shown).containsEntry("state", "delivered").containsEntry("deliveredAt", clock.instant().toString())
                .containsEntry("key", delivered.key());
        String overview = String.valueOf(console.call(DevConsole.MediaType.JSON, Map.of()));
        assertThat(overview).as("an overview names no registrant").doesNotContain("@example.com")
                .doesNotContain("@");
    }

    @Test
    void theExportedStateNamesTheProgressClaimsAndItemsGivenUpOn() throws Exception {
        List<String> emails = startWithAPoisonItem();
        String export = operations.exportState();
        assertThat(export).contains("\"routeId\" : \"" + ConsumerHarness.ROUTE + "\"").contains("\"progress\"")
                .contains("\"claims\" : [ ]").contains(keyOf(emails.get(0)));
        assertThat(harness.consumer().listGivenUp()).contains(keyOf(emails.get(0))).contains("\"attempts\":2");
    }
}
