package org.camelbigmarker.consumer;

import org.camelbigmarker.BigMarkerConfiguration;
import org.camelbigmarker.BigMarkerOperation;
import org.camelbigmarker.state.MemoryConsumerStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each consumer's INFO line at start: what it watches, how often, its store, where it starts; never a secret. */
class ConsumerStartLineTest {

    @Test
    void namesWhatItWatchesHowOftenItsStoreAndWhereItStarts() {
        BigMarkerConfiguration options = new BigMarkerConfiguration();
        options.setApiKey("s3cret-key");
        options.setOperation(BigMarkerOperation.listChannelRegistrations);
        options.setChannelId("acme");
        options.setStartFrom("now");
        String line = ConsumerStartLine.of("leads", ConsumerKind.of(options), options, 60_000,
                new MemoryConsumerStore());
        assertThat(line).isEqualTo("BigMarker consumer of route leads: new items of listChannelRegistrations of"
                                   + " channel acme, polls every 60.0 s, store MemoryConsumerStore, starts from now"
                                   + " where the store holds no state").doesNotContain("s3cret");
        options.setOperation(BigMarkerOperation.listConferences);
        options.setChannelId(null);
        options.setWebhook(true);
        assertThat(ConsumerStartLine.of("all", ConsumerKind.of(options), options, 300_000, new MemoryConsumerStore()))
                .contains("of the list operation with its param.* parameters, polls every 300.0 s beside its"
                          + " webhook");
    }
}
