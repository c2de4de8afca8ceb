package org.camelbigmarker.state;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The default store: in memory, lost on restart; its claims coordinate the consumers of one JVM only, so it is not
 * {@link #shareable()}. It forgets delivered keys once no read can return them again (see
 * {@link ConsumerStore#forgetDelivered}), so it holds the keys of the reconciliation horizon, not every key ever
 * delivered.
 */
public class MemoryConsumerStore implements ConsumerStore {

    private final Map<String, Long> delivered = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<String, String> values = new ConcurrentSkipListMap<>();
    /** Claims: key to the delivery holding it and until when (epoch milliseconds). */
    private final Map<String, Claim> claims = new ConcurrentHashMap<>();

    private record Claim(String owner, long until) {
    }

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
    public Map<String, Long> stampsOf(Collection<String> keys) {
        Map<String, Long> stamps = new java.util.LinkedHashMap<>();
        keys.forEach(key -> {
            Long stamp = delivered.get(key);
            if (stamp != null) {
                stamps.put(key, stamp);
            }
        });
        return stamps;
    }

    @Override
    public int forget(Collection<String> keys) {
        int forgotten = 0;
        for (String key : keys) {
            forgotten += delivered.remove(key) != null ? 1 : 0;
        }
        return forgotten;
    }

    @Override
    public void markDelivered(Collection<String> keys, long stamp) {
        keys.forEach(key -> delivered.putIfAbsent(key, stamp));
        keys.forEach(claims::remove);
    }

    @Override
    public Set<String> claim(Collection<String> keys, String owner, long nowMillis, long untilMillis) {
        Set<String> granted = new HashSet<>();
        for (String key : keys) {
            if (delivered.containsKey(key)) {
                continue;
            }
            Claim claim = claims.compute(key, (k, current) -> current == null || current.until() < nowMillis
                    ? new Claim(owner, untilMillis) : current);
            if (claim.owner().equals(owner)) {
                granted.add(key);
            }
        }
        return granted;
    }

    @Override
    public Set<String> renew(Collection<String> keys, String owner, long untilMillis) {
        Set<String> held = new HashSet<>();
        for (String key : keys) {
            Claim claim = claims.computeIfPresent(key, (k, current) -> current.owner().equals(owner)
                    ? new Claim(owner, untilMillis) : current);
            if (claim != null && claim.owner().equals(owner)) {
                held.add(key);
            }
        }
        return held;
    }

    @Override
    public void release(Collection<String> keys, String owner) {
        keys.forEach(key -> claims.computeIfPresent(key, (k, claim) -> claim.owner().equals(owner) ? null : claim));
    }

    @Override
    public void forgetEndedClaims(long nowMillis) {
        claims.values().removeIf(claim -> claim.until() < nowMillis);
    }

    @Override
    public synchronized boolean advance(String name, long value) {
        String current = values.get(name);
        if (current != null && current.matches("\\d+") && Long.parseLong(current) >= value) {
            return false;
        }
        values.put(name, String.valueOf(value));
        return true;
    }

    @Override
    public int forgetDeliveredSince(String keyPrefix, long stampedFrom) {
        return forgetWhere(keyPrefix, stamp -> stamp >= stampedFrom);
    }

    @Override
    public int forgetDelivered(String keyPrefix, long stampedBefore) {
        return forgetWhere(keyPrefix, stamp -> stamp < stampedBefore);
    }

    private int forgetWhere(String keyPrefix, java.util.function.LongPredicate stampMatches) {
        int[] forgotten = new int[1];
        delivered.entrySet().removeIf(entry -> {
            boolean forget = entry.getKey().startsWith(keyPrefix) && stampMatches.test(entry.getValue());
            forgotten[0] += forget ? 1 : 0;
            return forget;
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

    @Override
    public long deliveredCount() {
        return delivered.size();
    }
}
