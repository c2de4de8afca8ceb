package org.camelbigmarker.consumer.feed;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.camelbigmarker.state.ConsumerStore;

/**
 * A webhook consumer's records in its store (the names are {@link FeedState}'s format): its URL token and each
 * conference's webhook fields before the consumer changed them.
 */
public final class WebhookRecords {

    private final ConsumerStore store;
    private final String tokenName;
    private final String previousPrefix;

    WebhookRecords(ConsumerStore store, String scope) {
        this.store = store;
        this.tokenName = "bigmarker-webhook-token:" + scope;
        this.previousPrefix = "bigmarker-webhook-previous:" + scope + "#";
    }

    /** The token kept for this scope, or a new one made by {@code fresh} and kept. */
    public String token(Supplier<String> fresh) {
        String kept = store.value(tokenName);
        if (kept == null) {
            kept = fresh.get();
            store.setValue(tokenName, kept);
        }
        return kept;
    }

    public boolean hasPrevious(String conference) {
        return store.value(previousPrefix + conference) != null;
    }

    /** What the conference's webhook fields were (JSON), kept before the first change. */
    public void keepPrevious(String conference, String fieldsJson) {
        store.setValue(previousPrefix + conference, fieldsJson);
    }

    /** Every conference's kept fields, by conference: this run's and a crashed run's. */
    public Map<String, String> allPrevious() {
        Map<String, String> previous = new LinkedHashMap<>();
        store.values(previousPrefix).forEach((name, json) -> previous.put(name.substring(previousPrefix.length()),
                json));
        return previous;
    }

    public void restored(String conference) {
        store.removeValue(previousPrefix + conference);
    }
}
