package org.camelbigmarker.consumer.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.spi.Synchronization;
import org.camelbigmarker.consumer.delivery.Claims.Claim;
import org.camelbigmarker.state.ConsumerStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every rule of delivering an item once, in one place, for both paths (poll and webhook), every thread and every node:
 * <ul>
 * <li><b>Claims belong to one delivery.</b> Each call to {@link #claim} is a delivery with an owner name of its own;
 * an item is first reserved in this consumer (so two of its threads, or its webhook and its poll, cannot both take
 * it, whatever the store), then claimed in the store (so two consumers sharing it cannot). Whoever holds an
 * unexpired claim keeps it: there is no "my node already holds it" that would let a second delivery in.</li>
 * <li><b>A claim does not end while its item is in flight.</b> Before an item enters the route its claim is renewed
 * whenever less than {@value Claims#FRESH_PERCENT}% of {@code claimTimeout} is left, and a timer renews the claims of items
 * still in the route; an item whose claim was lost meanwhile is not delivered by this delivery. So the one rule for
 * users: claimTimeout longer than the route takes for one item.</li>
 * <li><b>Attempts and poison items.</b> A failed item's claim is released so that any node retries it; after
 * {@code maxDeliveryAttempts} failures it is recorded as delivered and reported once.</li>
 * <li><b>Recording.</b> Completed items are written to the store together ({@link #record}), always before any
 * progress step that depends on them (see {@link DeliveryRound}).</li>
 * </ul>
 * Time comes from the injected clock only.
 */
public final class DeliveryLedger implements ItemStates {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryLedger.class);

    private final ConsumerStore store;
    private final Clock clock;
    private final Claims claims;
    private final Attempts attempts;
    /** Items reserved or being delivered, each with its claim and the rounds waiting for it. */
    private final Map<String, Flight> inFlight = new ConcurrentHashMap<>();
    /** Items whose exchange completed, not yet written to the store, with the claim that still guards them. */
    private final Map<String, Claim> completedUnrecorded = new ConcurrentHashMap<>();

    private record Flight(Claim claim, List<DeliveryRound> rounds) {
    }

    public DeliveryLedger(ConsumerStore store, Clock clock, Duration claimTimeout, int maxAttempts,
                   Supplier<ExceptionHandler> failures) {
        this.store = store;
        this.clock = clock;
        this.claims = new Claims(store, clock, claimTimeout);
        this.attempts = new Attempts(maxAttempts, failures);
    }

    /**
     * Before anything is delivered: the store shows that it can claim, record and forget, so that a store that cannot
     * record fails the start instead of every poll after items were delivered.
     */
    public void checkStoreRecords(String probeKey) {
        claims.checkStoreRecords(probeKey);
    }

    /**
     * A new delivery of {@code keys}: the keys it won, neither in flight here nor delivered nor held by another
     * delivery's claim in the store.
     */
    public Claim claim(Collection<String> keys) {
        Claim claim = claims.newDelivery();
        List<String> reserved = new ArrayList<>();
        for (String key : keys) {
            if (!completedUnrecorded.containsKey(key)
                && inFlight.putIfAbsent(key, new Flight(claim, new CopyOnWriteArrayList<>())) == null) {
                reserved.add(key);
            }
        }
        claims.take(claim, reserved);
        reserved.stream().filter(key -> !claim.granted(key)).forEach(this::endFlightUnconfirmed);
        return claim;
    }

    /**
     * Keeps {@code key}'s claim alive as it enters the route: renews the claim's keys still waiting when less than
     * {@value Claims#FRESH_PERCENT}% of its time is left. False when the claim was lost meanwhile (it ended and another
     * delivery took the item): then this delivery must not send it, and the item is let go.
     */
    public boolean keepForRoute(Claim claim, String key) {
        if (claims.dueForRenewal(claim)) {
            renew(claim);
        }
        if (claim.granted(key)) {
            return true;
        }
        endFlightUnconfirmed(key);
        return false;
    }

    /**
     * Renews, on {@code executor}, the claims of items an asynchronous route still holds (and of completed items not
     * recorded yet), often enough that none ends while its item is in flight.
     */
    public void keepClaimsAlive(ScheduledExecutorService executor) {
        long period = claims.renewalPeriodMillis();
        executor.scheduleWithFixedDelay(() -> {
            try {
                renewInFlight();
            } catch (RuntimeException notRenewed) { // the next round tries again; a lost claim is seen before sending
                LOG.debug("Could not renew the claims of items in flight: {}", notRenewed.getMessage());
            }
        }, period, period, TimeUnit.MILLISECONDS);
    }

    /** Renews every claim whose items are still in flight here (asynchronous routes hold them after the poll). */
    public void renewInFlight() {
        Set<Claim> held = new LinkedHashSet<>();
        inFlight.values().forEach(flight -> held.add(flight.claim()));
        held.addAll(completedUnrecorded.values());
        held.stream().filter(claims::dueForRenewal).forEach(this::renew);
    }

    /**
     * Renews the claim's keys still in flight under it, and those completed but not recorded yet: until a key is in
     * the store as delivered, its claim is all that keeps another delivery from sending it again.
     */
    private void renew(Claim claim) {
        claims.renew(claim, claim.grantedKeys().stream().filter(key -> completedUnrecorded.get(key) == claim
                || inFlight.get(key) != null && inFlight.get(key).claim() == claim).toList());
    }

    /** The attempt an item's next delivery is (1 for the first). */
    public int attemptOf(String key) {
        return attempts.next(key);
    }

    /**
     * Joins {@code round} to the item's delivery and returns what must run when its exchange ends: recorded as
     * completed, or released, counted and retried (or given up on after maxDeliveryAttempts).
     */
    public Synchronization track(String key, Claim claim, DeliveryRound round) {
        round.expectOne();
        inFlight.get(key).rounds().add(round);
        return new Synchronization() {
            @Override
            public void onComplete(Exchange done) {
                completed(key);
            }

            @Override
            public void onFailure(Exchange failed) {
                claims.release(key, claim);
                attempts.failed(key, failed, () -> endFlightUnconfirmed(key), () -> completed(key));
            }
        };
    }

    /** An item that never entered the route (the consumer is stopping): released, not counted as an attempt. */
    public void notSent(String key, Claim claim) {
        claims.release(key, claim);
        endFlightUnconfirmed(key);
    }

    private void completed(String key) {
        Flight flight = inFlight.get(key);
        completedUnrecorded.put(key, flight != null ? flight.claim() : Claims.NONE);
        attempts.succeeded(key);
        endFlight(key).forEach(DeliveryRound::completedOne);
    }

    /** Ends an item's flight without a confirmed delivery: the rounds that waited for it cannot make progress. */
    private void endFlightUnconfirmed(String key) {
        endFlight(key).forEach(DeliveryRound::failedOne);
    }

    private List<DeliveryRound> endFlight(String key) {
        Flight flight = inFlight.remove(key);
        return flight == null ? List.of() : flight.rounds();
    }

    /** Writes the keys of completed items to the store, in one transaction. */
    public synchronized void record() {
        if (completedUnrecorded.isEmpty()) {
            return;
        }
        List<String> keys = new ArrayList<>(completedUnrecorded.keySet());
        store.markDelivered(keys, clock.instant().getEpochSecond());
        keys.forEach(completedUnrecorded::remove);
    }

    /** Where each item stands: in flight or completed here, else as the store says (one look-up for them all). */
    @Override
    public Map<String, ItemState> states(Collection<String> keys) {
        Map<String, ItemState> states = new LinkedHashMap<>();
        List<String> toLookUp = new ArrayList<>();
        for (String key : keys) {
            if (inFlight.containsKey(key)) {
                states.put(key, ItemState.IN_FLIGHT);
            } else if (completedUnrecorded.containsKey(key)) {
                states.put(key, ItemState.DELIVERED);
            } else {
                toLookUp.add(key);
            }
        }
        Set<String> recorded = toLookUp.isEmpty() ? Set.of() : store.deliveredAmong(toLookUp);
        toLookUp.forEach(key -> states.put(key, recorded.contains(key) ? ItemState.DELIVERED : ItemState.NEW));
        return states;
    }

    /** Makes {@code round} wait for an item in flight here; false when it is no longer in flight. */
    @Override
    public boolean holdUntilDelivered(String key, DeliveryRound round) {
        boolean[] held = new boolean[1];
        // atomic with the removal when the item's flight ends: either this round is told, or it is no longer in flight
        inFlight.computeIfPresent(key, (inFlightKey, flight) -> {
            round.expectOne();
            flight.rounds().add(round);
            held[0] = true;
            return flight;
        });
        return held[0];
    }

    /** Records keys as delivered without delivering them (existing items when starting from now). */
    @Override
    public void markSeen(Collection<String> keys) {
        store.markDelivered(keys, clock.instant().getEpochSecond());
    }

    /** Forgets the store's claims that ended: their deliveries are over, or their node is gone. */
    public void forgetEndedClaims() {
        claims.forgetEnded();
    }

    public int inFlightCount() {
        return inFlight.size();
    }
}
