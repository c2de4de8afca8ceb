package org.camelbigmarker.consumer.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Synchronization;
import org.apache.camel.support.DefaultExchange;
import org.camelbigmarker.state.MemoryConsumerStore;
import org.camelbigmarker.testing.DrivenClock;
import org.camelbigmarker.testing.RecordingExceptionHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The ledger's rules on one item, on the driven clock: reserve, claim, keep, complete, fail, give up, record. */
class DeliveryLedgerTest {

    private final DrivenClock clock = new DrivenClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final MemoryConsumerStore store = new MemoryConsumerStore();
    private final RecordingExceptionHandler handler = new RecordingExceptionHandler();
    private final List<String> reported = handler.messages;
    private final DefaultCamelContext camel = new DefaultCamelContext();
    private final DeliveryLedger ledger = ledger(store, 3);

    private DeliveryLedger ledger(MemoryConsumerStore on, int maxAttempts) {
        return new DeliveryLedger(on, clock, Duration.ofSeconds(60), maxAttempts, () -> handler);
    }

    @AfterEach
    void stop() throws Exception {
        camel.close();
    }

    private Exchange failed() {
        Exchange exchange = new DefaultExchange(camel);
        exchange.setException(new IllegalStateException("the route failed"));
        return exchange;
    }

    private Synchronization deliver(DeliveryLedger on, String key, DeliveryRound round) {
        Claims.Claim claim = on.claim(List.of(key));
        assertThat(claim.granted(key)).isTrue();
        assertThat(on.keepForRoute(claim, key)).isTrue();
        return on.track(new FeedItem(key, key, java.util.Map.of()), claim, round, "poll");
    }

    @Test
    void aKeyInFlightHereIsNotClaimedAgainEvenWhereTheStoreWouldGrantIt() {
        MemoryConsumerStore grantsEverything = new MemoryConsumerStore() {
            @Override
            public Set<String> claim(Collection<String> keys, String owner, long now, long until) {
                return Set.copyOf(keys);
            }
        };
        DeliveryLedger onIt = ledger(grantsEverything, 3);
        assertThat(onIt.claim(List.of("k")).granted("k")).isTrue();
        assertThat(onIt.claim(List.of("k")).granted("k")).as("reserved in the consumer first").isFalse();
        assertThat(onIt.inFlightCount()).isEqualTo(1);
    }

    @Test
    void aCompletedItemIsDeliveredAtOnceAndInTheStoreAfterRecord() {
        AtomicInteger progress = new AtomicInteger();
        DeliveryRound round = new DeliveryRound(progress::incrementAndGet);
        deliver(ledger, "k", round).onComplete(new DefaultExchange(camel));
        round.seal(true);
        assertThat(progress).hasValue(1);
        assertThat(ledger.state("k")).isEqualTo(ItemState.DELIVERED);
        assertThat(store.deliveredAmong(List.of("k"))).as("not written yet").isEmpty();
        ledger.record();
        assertThat(store.deliveredAmong(List.of("k"))).containsExactly("k");
        assertThat(ledger.inFlightCount()).isZero();
    }

    @Test
    void aFailedItemIsReleasedCountedReportedAndComesAgain() {
        DeliveryRound round = new DeliveryRound(() -> {
        });
        deliver(ledger, "k", round).onFailure(failed());
        assertThat(round.failed()).isTrue();
        assertThat(ledger.attemptOf("k")).isEqualTo(2);
        assertThat(ledger.state("k")).isEqualTo(ItemState.NEW);
        assertThat(reported).singleElement().asString().contains("attempt 1").contains("delivered again");
        assertThat(ledger(store, 3).claim(List.of("k")).granted("k")).as("released: any node may retry").isTrue();
    }

    @Test
    void atMaxDeliveryAttemptsAnItemIsGivenUpRecordedAndReportedOnce() {
        deliver(ledger, "k", new DeliveryRound(() -> {
        })).onFailure(failed());
        deliver(ledger, "k", new DeliveryRound(() -> {
        })).onFailure(failed());
        AtomicInteger progress = new AtomicInteger();
        DeliveryRound last = new DeliveryRound(progress::incrementAndGet);
        deliver(ledger, "k", last).onFailure(failed());
        last.seal(true);
        assertThat(progress).as("the consumer moves on").hasValue(1);
        ledger.record();
        assertThat(store.deliveredAmong(List.of("k"))).containsExactly("k");
        assertThat(reported).hasSize(3).last().asString().contains("failed 3 times").contains("giving up");
        assertThat(ledger.attemptOf("k")).isEqualTo(1);
    }

    @Test
    void anItemWhoseClaimWasLostIsNotSent() {
        Claims.Claim claim = ledger.claim(List.of("k"));
        clock.advance(Duration.ofSeconds(61));
        DeliveryLedger otherNode = ledger(store, 3);
        assertThat(otherNode.claim(List.of("k")).granted("k")).isTrue();
        assertThat(ledger.keepForRoute(claim, "k")).isFalse();
        assertThat(ledger.inFlightCount()).isZero();
    }

    @Test
    void aClaimDueForRenewalIsRenewedAsItsItemEntersTheRoute() {
        Claims.Claim claim = ledger.claim(List.of("k"));
        clock.advance(Duration.ofSeconds(50));
        assertThat(ledger.keepForRoute(claim, "k")).isTrue();
        clock.advance(Duration.ofSeconds(50)); // 100 s after the claim, 50 s after its renewal
        assertThat(ledger(store, 3).claim(List.of("k")).granted("k")).as("still held").isFalse();
    }

    @Test
    void theClaimOfAnItemStillInTheRouteIsKeptAliveByRenewal() {
        deliver(ledger, "k", new DeliveryRound(() -> {
        }));
        for (int tick = 0; tick < 10; tick++) {
            clock.advance(Duration.ofSeconds(30));
            ledger.renewInFlight();
        }
        assertThat(ledger(store, 3).claim(List.of("k")).granted("k")).as("five minutes in the route").isFalse();
    }

    @Test
    void aRoundCanWaitForAnItemAnotherPollIsDelivering() {
        Synchronization inFlight = deliver(ledger, "k", new DeliveryRound(() -> {
        }));
        AtomicInteger progress = new AtomicInteger();
        DeliveryRound later = new DeliveryRound(progress::incrementAndGet);
        assertThat(ledger.holdUntilDelivered("k", later)).isTrue();
        later.seal(true);
        assertThat(progress).as("waits for the item").hasValue(0);
        inFlight.onComplete(new DefaultExchange(camel));
        assertThat(progress).hasValue(1);
        assertThat(ledger.holdUntilDelivered("k", new DeliveryRound(() -> {
        }))).as("no longer in flight").isFalse();
    }

    @Test
    void anItemNeverSentIsReleasedWithoutCountingAnAttempt() {
        Claims.Claim claim = ledger.claim(List.of("k"));
        ledger.notSent("k", claim);
        assertThat(ledger.attemptOf("k")).isEqualTo(1);
        assertThat(ledger(store, 3).claim(List.of("k")).granted("k")).isTrue();
    }

    @Test
    void markSeenRecordsWithoutDelivering() {
        ledger.markSeen("old");
        assertThat(ledger.alreadyDelivered("old")).isTrue();
        assertThat(reported).isEmpty();
    }
}
