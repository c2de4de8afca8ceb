package org.camelbigmarker.state;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Where a bigmarker consumer keeps what it delivered and where it stands: one entry per delivered key and one per
 * named value (a cursor, a tracked conference), never a document rewritten whole, so that several nodes sharing a
 * store never undo each other's writes. Reads and writes take a page's keys at once, so that a database store costs a
 * round trip per page, not per item.
 * <p>
 * Delivered keys carry a stamp (BigMarker's time when they were confirmed, Unix seconds) so that keys no read can
 * return again are forgotten and the store grows with what a re-read can still return, not with history.
 */
public interface ConsumerStore {

    /** The keys among {@code keys} recorded as delivered. */
    Set<String> deliveredAmong(Collection<String> keys);

    /** Records keys as delivered, in one transaction where the store has them; keys already recorded stay. */
    void markDelivered(Collection<String> keys, long stamp);

    /** Forgets the delivered keys that start with {@code keyPrefix} and were stamped before {@code stampedBefore}. */
    int forgetDelivered(String keyPrefix, long stampedBefore);

    /**
     * Forgets the delivered keys that start with {@code keyPrefix} and were stamped at or after {@code stampedFrom}
     * (an operator's replay). A store that cannot tell its keys' ages refuses, naming what to do instead.
     */
    default int forgetDeliveredSince(String keyPrefix, long stampedFrom) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot tell when its keys were"
                                                + " recorded: replay one conference or reset the consumer instead");
    }

    /**
     * When each of {@code keys} that is recorded as delivered was recorded (its stamp, Unix seconds), for an operator's
     * look-up; -1 where the store does not keep stamps.
     */
    default Map<String, Long> stampsOf(Collection<String> keys) {
        Map<String, Long> stamps = new java.util.LinkedHashMap<>();
        deliveredAmong(keys).forEach(key -> stamps.put(key, -1L));
        return stamps;
    }

    /**
     * Forgets exactly these delivered keys (an operator redelivers an item given up on); returns how many were
     * recorded. Stores written before this method refuse, naming what to do instead.
     */
    default int forget(Collection<String> keys) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot forget single keys: replay the"
                                                + " item's conference or time instead (docs/operations.md)");
    }

    /** A named value, or null. */
    String value(String name);

    void setValue(String name, String value);

    void removeValue(String name);

    /** Every value whose name starts with {@code namePrefix}, by name. */
    Map<String, String> values(String namePrefix);

    /**
     * Claims keys for one delivery, named by {@code owner} (unique per delivery: never shared by two threads, two
     * paths or two nodes), until {@code untilMillis}: an item is delivered only by the delivery that claimed it, so
     * two deliveries of one item at once (two threads, the webhook and the poll, two nodes that both believe they
     * lead) cannot both happen. A key is granted when it is not delivered and no unexpired claim holds it, whoever
     * holds that claim; {@code nowMillis} decides what expired. Returns the keys granted. A store that cannot
     * coordinate consumers returns every key not delivered (the consumer still coordinates its own threads).
     */
    default Set<String> claim(Collection<String> keys, String owner, long nowMillis, long untilMillis) {
        Set<String> free = new java.util.LinkedHashSet<>(keys);
        free.removeAll(deliveredAmong(keys));
        return free;
    }

    /**
     * Extends {@code owner}'s claims on keys to {@code untilMillis}, so that a claim does not end while its item is in
     * flight. Returns the keys {@code owner} still holds: a key missing from the answer was lost (its claim ended and
     * another delivery took it) and must not be delivered by {@code owner}.
     */
    default Set<String> renew(Collection<String> keys, String owner, long untilMillis) {
        return new java.util.LinkedHashSet<>(keys);
    }

    /** Gives up {@code owner}'s claims on keys whose delivery failed, so that the next poll, on any node, retries. */
    default void release(Collection<String> keys, String owner) {
    }

    /** Forgets claims that ended before {@code nowMillis} (their deliveries are over or dead). */
    default void forgetEndedClaims(long nowMillis) {
    }

    /**
     * Sets a numeric value (a cursor) only if it moves it forward, so that two nodes never move a cursor back; a
     * value that is not a number (or none) is replaced. Returns whether it was set.
     */
    default boolean advance(String name, long value) {
        String current = value(name);
        if (current != null && current.matches("\\d+") && Long.parseLong(current) >= value) {
            return false;
        }
        setValue(name, String.valueOf(value));
        return true;
    }

    /**
     * Whether several nodes may share this store (each with its own instance on the same storage) and stay correct:
     * true only where every entry is written on its own, with no copy kept in memory.
     */
    default boolean shareable() {
        return false;
    }

    /** How many delivered keys the store holds, for operators; -1 where it cannot tell cheaply. */
    default long deliveredCount() {
        return -1;
    }
}
