package org.camelbigmarker.consumer.feed;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camelbigmarker.state.ConsumerStore;

/**
 * The values of a consumer store whose names start with one prefix, named by what follows it (a conference id, or
 * nothing for a single value). {@link FeedState} owns the prefixes: the store's names are written in one place.
 */
public final class PrefixedValues {

    private final ConsumerStore store;
    private final String prefix;

    PrefixedValues(ConsumerStore store, String prefix) {
        this.store = store;
        this.prefix = prefix;
    }

    public String get(String name) {
        return store.value(prefix + name);
    }

    public void set(String name, String value) {
        store.setValue(prefix + name, value);
    }

    public void remove(String name) {
        store.removeValue(prefix + name);
    }

    /** Every value under the prefix, by the name after it. */
    public Map<String, String> all() {
        Map<String, String> all = new LinkedHashMap<>();
        store.values(prefix).forEach((name, value) -> all.put(name.substring(prefix.length()), value));
        return all;
    }
}
