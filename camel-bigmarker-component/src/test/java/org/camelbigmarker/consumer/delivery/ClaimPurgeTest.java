package org.camelbigmarker.consumer.delivery;

import org.camelbigmarker.testing.DocumentShapedTestSupport;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.camelbigmarker.state.MemoryConsumerStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Ended claims are purged at the start of a poll, at most once per claimTimeout: idle polls cost the store nothing. */
class ClaimPurgeTest extends DocumentShapedTestSupport {

    @Test
    void idlePollsPurgeEndedClaimsOncePerClaimTimeout() throws Exception {
        AtomicInteger purges = new AtomicInteger();
        MemoryConsumerStore store = new MemoryConsumerStore() {
            @Override
            public void forgetEndedClaims(long nowMillis) {
                purges.incrementAndGet();
                super.forgetEndedClaims(nowMillis);
            }
        };
        consumer("registrations?operation=listRegistrations&conferenceId=c1&claimTimeout=60&consumerStore=#store",
                "store", store);
        for (int poll = 0; poll < 10; poll++) {
            consumer.poll();
            server.clock().advance(Duration.ofSeconds(5));
        }
        assertThat(purges.get()).as("50 s of polls every 5 s, claims of 60 s").isEqualTo(1);
        server.clock().advance(Duration.ofSeconds(15));
        consumer.poll();
        assertThat(purges.get()).as("a claim lifetime later").isEqualTo(2);
    }
}
