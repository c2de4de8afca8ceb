package org.camelbigmarker.consumer.webhook;

import org.camelbigmarker.consumer.feed.FeedState;
import org.camelbigmarker.state.MemoryConsumerStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The URL's secret: 128 random bits, kept in the store so that it survives restarts and is every node's. */
class WebhookTokenTest {

    @Test
    void aTokenIsKeptInTheStoreAndTheSameOnTheNextStart() {
        FeedState state = new FeedState(new MemoryConsumerStore());
        WebhookToken first = WebhookToken.of(new WebhookRecords(state, "scope"));
        WebhookToken again = WebhookToken.of(new WebhookRecords(state, "scope"));
        WebhookToken otherScope = WebhookToken.of(new WebhookRecords(state, "other"));
        assertThat(first.value()).matches("[0-9a-f]{32}").isEqualTo(again.value()).isNotEqualTo(otherScope.value());
    }

    @Test
    void onlyTheSameTokenMatchesAndItIsNeverPrinted() {
        WebhookToken token = WebhookToken.of(new WebhookRecords(new FeedState(new MemoryConsumerStore()), "scope"));
        assertThat(token.matches(token.value())).isTrue();
        assertThat(token.matches(token.value().toUpperCase())).isFalse();
        assertThat(token.matches(null)).isFalse();
        assertThat(token.matches(token.value().substring(1))).isFalse();
        assertThat(token.toString()).doesNotContain(token.value());
    }
}
