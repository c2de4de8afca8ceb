package org.camelbigmarker.consumer.webhook;

import java.util.Map;
import java.util.function.Supplier;

import org.camelbigmarker.consumer.feed.FeedState;
import org.camelbigmarker.consumer.feed.PrefixedValues;

/**
 * A webhook consumer's records in its store (the names are {@link FeedState}'s): its URL token and each conference's
 * webhook fields before the consumer changed them.
 */
final class WebhookRecords {

    private final PrefixedValues token;
    private final PrefixedValues previous;

    WebhookRecords(FeedState state, String scope) {
        this.token = state.webhookToken(scope);
        this.previous = state.webhookPrevious(scope);
    }

    /** The token kept for this scope, or a new one made by {@code fresh} and kept. */
    String token(Supplier<String> fresh) {
        String kept = token.get("");
        if (kept == null) {
            kept = fresh.get();
            token.set("", kept);
        }
        return kept;
    }

    boolean hasPrevious(String conference) {
        return previous.get(conference) != null;
    }

    /** What the conference's webhook fields were (JSON), kept before the first change. */
    void keepPrevious(String conference, String fieldsJson) {
        previous.set(conference, fieldsJson);
    }

    /** Every conference's kept fields, by conference: this run's and a crashed run's. */
    Map<String, String> allPrevious() {
        return previous.all();
    }

    void restored(String conference) {
        previous.remove(conference);
    }
}
