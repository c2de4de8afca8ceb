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
     * Whether several nodes may share this store (each with its own instance on the same storage) and stay correct:
     * true only where every entry is written on its own, with no copy kept in memory.
     */
    default boolean shareable() {
        return false;
    }
}
