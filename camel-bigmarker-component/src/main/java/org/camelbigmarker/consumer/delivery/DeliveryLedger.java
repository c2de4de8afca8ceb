package org.camelbigmarker.consumer.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.spi.Synchronization;
import org.camelbigmarker.consumer.delivery.Claims.Claim;
import org.camelbigmarker.metrics.BigMarkerMeter;
import org.camelbigmarker.metrics.ConsumerMeters;
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
 * {@code maxDeliveryAttempts} failures it is kept for an operator, recorded as delivered, reported ({@link Attempts}).</li>
 * <li><b>Recording.</b> Completed items are written to the store together ({@link #record}), always before any
 * progress step that depends on them (see {@link DeliveryRound}).</li>
 * </ul>
 * What is held in memory meanwhile is in {@link Flights}. Time comes from the injected clock only.
 */
public final class DeliveryLedger implements ItemStates {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryLedger.class);

    private final ConsumerStore store;
    private final Clock clock;
    private final Claims claims;
    private final Attempts attempts;
    private final Flights flights = new Flights();
    private final WaitingItems waiting;
    private volatile ConsumerMeters meters;

    public DeliveryLedger(ConsumerStore store, Clock clock, Duration claimTimeout, int maxAttempts,
                          Supplier<ExceptionHandler> failures) {
        this.store = store;
        this.clock = clock;
        this.claims = new Claims(store, clock, claimTimeout);
        this.meters = ConsumerMeters.none(clock);
        this.attempts = new Attempts(maxAttempts, failures, () -> meters);
        this.waiting = new WaitingItems(clock);
    }

    /** Counts deliveries, failures, duplicates and items given up on in {@code meters}, and publishes its gauges. */
    public void countIn(ConsumerMeters meters) {
        this.meters = meters;
        meters.gauge(BigMarkerMeter.CLAIMS_HELD, flights::inFlightCount);
        meters.gauge(BigMarkerMeter.LAG, waiting::lagSeconds);
    }

    /** Keeps the items given up on in {@code givenUp}, for an operator to redeliver. */
    public void keepGivenUpIn(GivenUpItems givenUp) {
        attempts.keepGivenUpIn(givenUp);
        meters.gauge(BigMarkerMeter.GIVEN_UP_KEPT, givenUp::count);
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
        List<String> reserved = keys.stream().filter(key -> flights.reserve(key, claim)).toList();
        claims.take(claim, reserved);
        reserved.stream().filter(key -> !claim.granted(key)).forEach(this::endFlightUnconfirmed);
        for (String key : keys) {
            if (claim.granted(key)) {
                waiting.seen(key);
            } else {
                meters.duplicateSuppressed(); // delivered meanwhile, or another delivery holds it
            }
        }
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
        boolean stillOurs = claim.granted(key); // read once: a renewal on another thread may drop it meanwhile
        if (!stillOurs) {
            endFlightUnconfirmed(key);
        }
        return stillOurs;
    }

    /**
     * Renews, on {@code executor}, the claims of items an asynchronous route still holds (and of completed items not
     * recorded yet), often enough that none ends while its item is in flight. Cancel the task to stop.
     */
    public Future<?> keepClaimsAlive(ScheduledExecutorService executor) {
        long period = claims.renewalPeriodMillis();
        return executor.scheduleWithFixedDelay(() -> {
            try {
                renewInFlight();
            } catch (RuntimeException notRenewed) { // the next round tries again; a lost claim is seen before sending
                LOG.debug("Could not renew the claims of items in flight: {}", notRenewed.getMessage());
            }
        }, period, period, TimeUnit.MILLISECONDS);
    }

    /** Renews every claim whose items are still in flight here (asynchronous routes hold them after the poll). */
    public void renewInFlight() {
        flights.heldClaims().stream().filter(claims::dueForRenewal).forEach(this::renew);
    }

    /**
     * Renews the claim's keys still in flight under it, and those completed but not recorded yet: until a key is in
     * the store as delivered, its claim is all that keeps another delivery from sending it again.
     */
    private void renew(Claim claim) {
        claims.renew(claim, flights.keysHeldBy(claim));
    }

    /** The attempt an item's next delivery is (1 for the first). */
    public int attemptOf(String key) {
        return attempts.next(key);
    }

    /**
     * Joins {@code round} to the item's delivery and returns what must run when its exchange ends: recorded as
     * completed, or released, counted and retried (or given up on and kept, see {@link Attempts}).
     *
     * @param path how the item reached the route ({@link ConsumerMeters#POLL}, webhook, redelivery), for the meters
     */
    public Synchronization track(FeedItem item, Claim claim, DeliveryRound round, String path) {
        String key = item.key();
        round.expectOne();
        flights.join(key, round);
        return new Synchronization() {
            @Override
            public void onComplete(Exchange done) {
                completed(key);
                meters.delivered(path);
            }

            @Override
            public void onFailure(Exchange failed) {
                claims.release(key, claim);
                attempts.failed(item, path, failed, () -> endFlightUnconfirmed(key), () -> completed(key));
            }
        };
    }

    /** An item that never entered the route (the consumer is stopping): released, not counted as an attempt. */
    public void notSent(String key, Claim claim) {
        claims.release(key, claim);
        endFlightUnconfirmed(key);
    }

    private void completed(String key) {
        waiting.done(key);
        attempts.succeeded(key);
        flights.complete(key).forEach(DeliveryRound::completedOne);
    }

    /** Ends an item's flight without a confirmed delivery: the rounds that waited for it cannot make progress. */
    private void endFlightUnconfirmed(String key) {
        flights.end(key).forEach(DeliveryRound::failedOne);
    }

    /** Writes the keys of completed items to the store, in one transaction. */
    public synchronized void record() {
        List<String> keys = flights.unrecorded();
        if (!keys.isEmpty()) {
            store.markDelivered(keys, clock.instant().getEpochSecond());
            flights.recorded(keys);
        }
    }

    /** Where each item stands: in flight or completed here, else as the store says (one look-up for them all). */
    @Override
    public Map<String, ItemState> states(Collection<String> keys) {
        Map<String, ItemState> states = new LinkedHashMap<>();
        List<String> toLookUp = new ArrayList<>();
        for (String key : keys) {
            ItemState here = flights.stateHere(key);
            if (here != null) {
                states.put(key, here);
            } else {
                toLookUp.add(key);
            }
        }
        Set<String> recorded = toLookUp.isEmpty() ? Set.of() : store.deliveredAmong(toLookUp);
        recorded.forEach(waiting::done); // delivered elsewhere: nothing waits here
        toLookUp.forEach(key -> states.put(key, recorded.contains(key) ? ItemState.DELIVERED : ItemState.NEW));
        return states;
    }

    /** Makes {@code round} wait for an item in flight here; false when it is no longer in flight. */
    @Override
    public boolean holdUntilDelivered(String key, DeliveryRound round) {
        return flights.joinIfInFlight(key, round);
    }

    /** Records keys as delivered without delivering them (existing items when starting from now). */
    @Override
    public void markSeen(Collection<String> keys) {
        store.markDelivered(keys, clock.instant().getEpochSecond());
    }

    /** Forgets the store's ended claims: their deliveries are over, or their node is gone. */
    public void forgetEndedClaims() {
        claims.forgetEnded();
    }

    /** The keys claimed and being delivered now, for an operator. */
    public List<String> inFlightKeys() {
        return flights.inFlightKeys();
    }

    public int inFlightCount() {
        return flights.inFlightCount();
    }
}
