package org.camelbigmarker.consumer.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.camelbigmarker.state.ConsumerStore;

/**
 * The store side of claims: each delivery's owner name (unique per delivery, never per node), how long a claim lasts
 * and when it is due for renewal, and the store's claim, renew, release and purge calls. Which keys a delivery still
 * holds is the {@link DeliveryLedger}'s to say.
 */
public final class Claims {

    /** Below this share of claimTimeout left, a claim is renewed before its next item enters the route. */
    static final int FRESH_PERCENT = 90;

    private final ConsumerStore store;
    private final Clock clock;
    private final long claimMillis;
    private final String ledgerId = UUID.randomUUID().toString();
    private final AtomicLong deliveries = new AtomicLong();
    private volatile long nextPurge;

    /** One delivery's claim on some keys: its owner name and until when the store holds them for it. */
    public static final class Claim {
        private final String owner;
        private final Set<String> granted = ConcurrentHashMap.newKeySet();
        private volatile long until;

        private Claim(String owner, long until) {
            this.owner = owner;
            this.until = until;
        }

        public boolean granted(String key) {
            return granted.contains(key);
        }

        Set<String> grantedKeys() {
            return granted;
        }
    }

    /** Stands for the claim of an item whose flight already ended: nothing to renew. */
    static final Claim NONE = new Claim("", Long.MAX_VALUE);

    Claims(ConsumerStore store, Clock clock, Duration claimTimeout) {
        this.store = store;
        this.clock = clock;
        this.claimMillis = claimTimeout.toMillis();
    }

    /** A new delivery, holding nothing yet. */
    Claim newDelivery() {
        return new Claim(ledgerId + "/" + deliveries.incrementAndGet(), clock.millis() + claimMillis);
    }

    /** Claims {@code keys} in the store for {@code claim}'s delivery; the keys granted join it. */
    void take(Claim claim, Collection<String> keys) {
        if (!keys.isEmpty()) {
            claim.granted.addAll(store.claim(keys, claim.owner, clock.millis(), claim.until));
        }
    }

    /** Whether less than {@value #FRESH_PERCENT}% of the claim's time is left. */
    boolean dueForRenewal(Claim claim) {
        return (claim.until - clock.millis()) * 100 < claimMillis * FRESH_PERCENT;
    }

    /** Renews the claim on {@code stillOurs}, its keys not recorded yet; keys another delivery took are dropped. */
    void renew(Claim claim, Collection<String> stillOurs) {
        long until = clock.millis() + claimMillis;
        Set<String> held = stillOurs.isEmpty() ? Set.of() : store.renew(stillOurs, claim.owner, until);
        claim.until = until;
        claim.granted.retainAll(held);
    }

    void release(String key, Claim claim) {
        store.release(List.of(key), claim.owner);
    }

    /** How often a timer should renew the claims of items in flight: well inside the renewal margin. */
    long renewalPeriodMillis() {
        return Math.max(100, claimMillis * (100 - FRESH_PERCENT) / 100 / 2);
    }

    /**
     * Forgets the store's ended claims, at most once per claim lifetime: a delivered key's claim goes with its
     * recording and a failed one's is released, so only a dead node's remain, and an idle poll needs no statement.
     */
    void forgetEnded() {
        long now = clock.millis();
        if (now >= nextPurge) {
            nextPurge = now + claimMillis;
            store.forgetEndedClaims(now);
        }
    }

    /**
     * The store shows it can claim, record and forget {@code probe} (one fixed key: stores that cannot forget keep one,
     * not many).
     */
    void checkStoreRecords(String probe) {
        long now = clock.millis();
        store.claim(List.of(probe), ledgerId, now, now + claimMillis);
        store.markDelivered(List.of(probe), 0);
        store.release(List.of(probe), ledgerId);
        store.forgetDelivered(probe, 1);
    }
}
