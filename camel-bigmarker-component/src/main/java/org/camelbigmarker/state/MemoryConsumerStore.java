package org.camelbigmarker.state;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The default store: in memory, lost on restart. It forgets delivered keys once no read can return them again (see
 * {@link ConsumerStore#forgetDelivered}), so it holds the keys of the reconciliation horizon, not every key ever
 * delivered.
 */
public class MemoryConsumerStore implements ConsumerStore {

    private final Map<String, Long> delivered = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<String, String> values = new ConcurrentSkipListMap<>();

    @Override
    public Set<String> deliveredAmong(Collection<String> keys) {
        Set<String> found = new HashSet<>();
        keys.forEach(key -> {
            if (delivered.containsKey(key)) {
                found.add(key);
            }
        });
        return found;
    }

    @Override
    public void markDelivered(Collection<String> keys, long stamp) {
        keys.forEach(key -> delivered.putIfAbsent(key, stamp));
    }

    @Override
    public int forgetDelivered(String keyPrefix, long stampedBefore) {
        int[] forgotten = new int[1];
        delivered.entrySet().removeIf(entry -> {
            boolean old = entry.getKey().startsWith(keyPrefix) && entry.getValue() < stampedBefore;
            forgotten[0] += old ? 1 : 0;
            return old;
        });
        return forgotten[0];
    }

    @Override
    public String value(String name) {
        return values.get(name);
    }

    @Override
    public void setValue(String name, String value) {
        values.put(name, value);
    }

    @Override
    public void removeValue(String name) {
        values.remove(name);
    }

    @Override
    public Map<String, String> values(String namePrefix) {
        return new TreeMap<>(values.subMap(namePrefix, namePrefix + Character.MAX_VALUE));
    }

    /** How many delivered keys it holds. */
    public int deliveredCount() {
        return delivered.size();
    }
}
