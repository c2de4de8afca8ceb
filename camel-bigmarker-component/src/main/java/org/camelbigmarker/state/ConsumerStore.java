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

    /** A named value, or null. */
    String value(String name);

    void setValue(String name, String value);

    void removeValue(String name);

    /** Every value whose name starts with {@code namePrefix}, by name. */
    Map<String, String> values(String namePrefix);

    /**
     * Claims keys for {@code node} until {@code until} (Unix seconds): a node delivers only what it claimed, so two
     * consumers polling the same list at once (two nodes that both believe they lead) never deliver one item twice.
     * Returns the keys claimed: those not delivered and not held by another node's unexpired claim. A store that
     * cannot coordinate nodes returns every key not delivered.
     */
    default Set<String> claim(Collection<String> keys, String node, long until) {
        Set<String> free = new java.util.LinkedHashSet<>(keys);
        free.removeAll(deliveredAmong(keys));
        return free;
    }

    /** Gives up {@code node}'s claims on keys whose delivery failed, so that the next poll, on any node, retries. */
    default void release(Collection<String> keys, String node) {
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
