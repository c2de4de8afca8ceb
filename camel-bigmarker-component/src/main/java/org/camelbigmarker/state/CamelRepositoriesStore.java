package org.camelbigmarker.state;

import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;

/**
 * A {@link ConsumerStore} over Camel's own interfaces, for the idempotentRepository and stateRepository options: any
 * IdempotentRepository (file, JDBC, Infinispan...) keeps the delivered keys, any StateRepository the values. Neither
 * interface can list entries by prefix nor forget by age, so {@link #values} keeps an index of names in one value (for
 * names whose member part follows a '#', the form the consumers use), and nothing is forgotten. That index is a
 * document rewritten whole: do not share these stores between nodes that may poll at once; use
 * {@link JdbcConsumerStore}. Starting and stopping this store starts and stops both repositories, as Camel's
 * idempotent consumer does with its repository.
 */
public class CamelRepositoriesStore extends ServiceSupport implements ConsumerStore {

    private static final String INDEX = "bigmarker-index:";
    /** The index of names under a prefix is a JSON array: plain Jackson, no setting of the component's applies. */
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Set<String>> NAMES = new TypeReference<>() {
    };

    private final IdempotentRepository keys;
    private final StateRepository<String, String> state;

    public CamelRepositoriesStore(IdempotentRepository keys, StateRepository<String, String> state) {
        this.keys = keys;
        this.state = state;
    }

    @Override
    protected void doStart() {
        ServiceHelper.startService(keys, state);
    }

    @Override
    protected void doStop() {
        ServiceHelper.stopService(keys, state);
    }

    @Override
    public Set<String> deliveredAmong(Collection<String> candidates) {
        Set<String> found = new LinkedHashSet<>();
        candidates.forEach(key -> {
            if (keys.contains(key)) {
                found.add(key);
            }
        });
        return found;
    }

    @Override
    public void markDelivered(Collection<String> delivered, long stamp) {
        delivered.forEach(keys::add);
    }

    @Override
    public int forget(Collection<String> forgotten) {
        int removed = 0;
        for (String key : forgotten) {
            removed += keys.remove(key) ? 1 : 0;
        }
        return removed;
    }

    @Override
    public int forgetDelivered(String keyPrefix, long stampedBefore) {
        return 0; // an IdempotentRepository cannot tell its keys' ages
    }

    @Override
    public String value(String name) {
        String value = state.getState(name);
        return value == null || value.isEmpty() ? null : value;
    }

    @Override
    public void setValue(String name, String value) {
        state.setState(name, value);
        index(name, true);
    }

    @Override
    public void removeValue(String name) {
        state.setState(name, ""); // not every StateRepository takes null: empty means removed
        index(name, false);
    }

    /** Adds the name to, or removes it from, the index of its prefix, if it has one. */
    private void index(String name, boolean listed) {
        String prefix = indexOf(name);
        if (prefix != null) {
            Set<String> names = names(prefix);
            if (listed ? names.add(name) : names.remove(name)) {
                writeNames(prefix, names);
            }
        }
    }

    @Override
    public Map<String, String> values(String namePrefix) {
        Map<String, String> found = new TreeMap<>();
        for (String name : names(namePrefix)) {
            String value = value(name);
            if (value != null) {
                found.put(name, value);
            }
        }
        return found;
    }

    /** Names listed by prefix are those with a '#' member part: the index is kept per prefix before the '#'. */
    private static String indexOf(String name) {
        int member = name.lastIndexOf('#');
        return member < 0 ? null : name.substring(0, member + 1);
    }

    private Set<String> names(String prefix) {
        String saved = state.getState(INDEX + prefix);
        try {
            return saved == null ? new LinkedHashSet<>() : JSON.readValue(saved, NAMES);
        } catch (IOException unreadable) {
            throw new IllegalStateException("The BigMarker state index " + prefix + " is not readable", unreadable);
        }
    }

    private void writeNames(String prefix, Set<String> names) {
        try {
            state.setState(INDEX + prefix, JSON.writeValueAsString(names));
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
