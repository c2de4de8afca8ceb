package org.camelbigmarker.consumer;

import org.camelbigmarker.testing.DocumentShapedTestSupport;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An operator's replay and reset (docs/upgrading.md), against the document-shaped server on a driven clock: what is
 * delivered again, and only that; the operations reachable over JMX.
 */
class ReplayTest extends DocumentShapedTestSupport {

    @Test
    void replayFromATimeDeliversAgainWhatWasRecordedSinceAndNothingOlder() throws Exception {
        server.register("ann@example.com", "bob@example.com");
        consumer("registrations?operation=listRegistrations&conferenceId=c1").poll();
        Instant between = server.clock().instant().plus(Duration.ofMinutes(30));
        server.clock().advance(Duration.ofHours(1));
        server.register("cy@example.com");
        consumer.poll();
        server.clock().advance(Duration.ofHours(1)); // cy@ is now well before the cursor and its overlap
        consumer.poll();

        String done = consumer.consumer().replayFrom(between.toString());
        consumer.poll();

        assertThat(done).contains("1 items").contains("recorded since " + between);
        assertThat(counts(consumer.emails())).containsEntry("ann@example.com", 1L).containsEntry("bob@example.com", 1L)
                .containsEntry("cy@example.com", 2L);
    }

    @Test
    void replayingOneConferenceDeliversItsReportsAgain() throws Exception {
        server.chat("hello", "ann@example.com");
        server.chat("thanks", "bob@example.com");
        consumer("reporting?event=reports&conferenceId=c1&reports=reportChats&emptyReportWait=0").poll();
        consumer.poll();
        assertThat(consumer.emails()).hasSize(2);

        consumer.consumer().replayConference("c1");
        consumer.poll();

        assertThat(counts(consumer.emails())).containsEntry("ann@example.com", 2L).containsEntry("bob@example.com", 2L);
        assertThatThrownBy(() -> consumer.consumer().replayConference("c2")).hasMessageContaining("not c2");
    }

    @Test
    void aResetStartsAsANewStoreWould() throws Exception {
        server.register("ann@example.com", "bob@example.com");
        consumer("registrations?operation=listRegistrations&conferenceId=c1").poll();
        consumer.poll();
        assertThat(consumer.emails()).hasSize(2);

        consumer.consumer().resetStore();
        consumer.poll();

        assertThat(counts(consumer.emails())).containsEntry("ann@example.com", 2L).containsEntry("bob@example.com", 2L);
    }

    @Test
    void theOperationsAreReachableOverJmx() throws Exception {
        server.register("ann@example.com");
        consumer("registrations?operation=listRegistrations&conferenceId=c1").poll();
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> consumers = jmx.queryNames(new ObjectName("org.apache.camel:type=consumers,*"), null);
        ObjectName ours = consumers.stream()
                .filter(name -> name.getKeyProperty("context").equals(consumer.camel.getName())).findFirst()
                .orElseThrow();

        Object done = jmx.invoke(ours, "resetStore", new Object[0], new String[0]);
        consumer.poll();

        assertThat(done.toString()).contains("forgotten");
        assertThat(consumer.emails()).containsExactly("ann@example.com", "ann@example.com");
    }

    @Test
    void aStoreThatCannotTellWhenKeysWereRecordedSaysWhatToDoInstead() throws Exception {
        server.register("ann@example.com");
        consumer("registrations?operation=listRegistrations&conferenceId=c1"
                 + "&idempotentRepository=#keys", "keys",
                org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository.memoryIdempotentRepository())
                .poll();
        assertThatThrownBy(() -> consumer.consumer().replayFrom("2026-01-01T00:00:00Z"))
                .hasMessageContaining("replay one conference or reset");
    }
}
