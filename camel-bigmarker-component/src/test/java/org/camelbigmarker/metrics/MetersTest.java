package org.camelbigmarker.metrics;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.micrometer.core.instrument.search.Search;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.camelbigmarker.BigMarkerComponent;
import org.camelbigmarker.sandbox.BigMarkerSandbox;
import org.camelbigmarker.testing.ConsumerHarness;
import org.camelbigmarker.testing.DrivenClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The meters of a consumer and of its account, as an operator reads them from a Micrometer registry the application
 * binds in the Camel registry and from JMX: what was delivered, failed, given up on, how far behind the consumer is,
 * and the requests it cost; each JMX attribute of the table equal to its meter.
 */
class MetersTest {

    private final BigMarkerSandbox server = BigMarkerSandbox.start();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DrivenClock clock = new DrivenClock();
    private ConsumerHarness harness;

    MetersTest() throws Exception {
    }

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
        server.close();
    }

    private void start() throws Exception {
        server.conference("c1", "future");
        harness = new ConsumerHarness(server.baseUrl(), BigMarkerSandbox.API_KEY,
                "registrations?operation=listRegistrations&conferenceId=c1&maxDeliveryAttempts=2",
                camel -> camel.getComponent("bigmarker", BigMarkerComponent.class).setClock(clock),
                "meterRegistry", registry);
    }

    private double value(String name, String... tags) {
        Search search = registry.find(name).tags(tags);
        return search.functionCounters().stream().mapToDouble(counter -> counter.count()).sum()
               + search.gauges().stream().mapToDouble(gauge -> gauge.value()).sum();
    }

    @Test
    void deliveriesFailuresItemsGivenUpLagAndRequestsAreCountedWhereMonitoringLooks() throws Exception {
        start();
        List<String> emails = server.register("c1", 5);
        harness.failAlwaysFor(emails.get(0));
        String route = ConsumerHarness.ROUTE;

        harness.poll();
        assertThat(value("bigmarker.consumer.items.delivered", "routeId", route, "path", "poll")).isEqualTo(4);
        assertThat(value("bigmarker.consumer.delivery.failures", "routeId", route)).isEqualTo(1);
        assertThat(value("bigmarker.consumer.items.given.up", "routeId", route)).isZero();
        clock.advance(Duration.ofSeconds(120));
        assertThat(value("bigmarker.consumer.lag", "routeId", route)).as("the failed item waits")
                .isEqualTo(120, within(0.01));

        harness.poll(); // fails again: maxDeliveryAttempts=2
        assertThat(value("bigmarker.consumer.delivery.failures", "routeId", route)).isEqualTo(2);
        assertThat(value("bigmarker.consumer.items.given.up", "routeId", route)).isEqualTo(1);
        assertThat(value("bigmarker.consumer.items.given.up.kept", "routeId", route)).isEqualTo(1);
        assertThat(value("bigmarker.consumer.lag", "routeId", route)).as("nothing waits any more").isZero();
        assertThat(value("bigmarker.consumer.claims.held", "routeId", route)).isZero();
        assertThat(value("bigmarker.consumer.poll.since.success", "routeId", route)).isZero();
        clock.advance(Duration.ofSeconds(30));
        assertThat(value("bigmarker.consumer.poll.since.success", "routeId", route)).isEqualTo(30, within(0.01));

        assertThat(value("bigmarker.requests", "group", "registrations", "outcome", "2xx"))
                .as("the two polls' reads").isGreaterThanOrEqualTo(2);
        assertThat(registry.find("bigmarker.requests").tagKeys("host").functionCounters()).isNotEmpty();
        assertThat(registry.getMeters()).allSatisfy(meter -> assertThat(meter.getId().getTags())
                .noneMatch(tag -> tag.getValue().contains("@") || tag.getValue().equals(BigMarkerSandbox.API_KEY)));
    }

    @Test
    void aFailedPollIsCountedByItsCause() throws Exception {
        start();
        server.failNext("registrations", BigMarkerSandbox.Fault.SERVER_ERROR, 1);
        harness.poll();
        assertThat(value("bigmarker.consumer.poll.failures", "routeId", ConsumerHarness.ROUTE, "cause",
                "server_error")).isEqualTo(1);
        assertThat(value("bigmarker.requests", "outcome", "5xx")).isEqualTo(1);
    }

    @Test
    void everyJmxAttributeOfTheTableShowsItsMetersTotal() throws Exception {
        start();
        List<String> emails = server.register("c1", 3);
        harness.failOnceFor(emails.get(1));
        harness.poll();
        harness.poll();
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        String context = harness.camel.getManagementName();
        ObjectName consumer = only(jmx.queryNames(new ObjectName("org.apache.camel:context=" + context
                                                                 + ",type=consumers,*"), null));
        ObjectName component = only(jmx.queryNames(new ObjectName("org.apache.camel:context=" + context
                                                                  + ",type=components,name=\"bigmarker\""), null));
        for (BigMarkerMeter meter : BigMarkerMeter.values()) {
            ObjectName owner = meter.scope() == BigMarkerMeter.Scope.CONSUMER ? consumer : component;
            Number shown = (Number) jmx.getAttribute(owner, meter.jmxAttribute());
            assertThat(shown.doubleValue()).as(meter.jmxAttribute() + " on JMX")
                    .isEqualTo(value(meter.meterName()), within(0.5));
        }
        assertThat(((Number) jmx.getAttribute(consumer, "ItemsDelivered")).longValue()).isEqualTo(3);
        assertThat(((Number) jmx.getAttribute(consumer, "DeliveryFailures")).longValue()).isEqualTo(1);
    }

    private static ObjectName only(Set<ObjectName> names) {
        assertThat(names).hasSize(1);
        return names.iterator().next();
    }

    @Test
    void aStoppedConsumersMetersLeaveTheRegistry() throws Exception {
        start();
        server.register("c1", 1);
        harness.poll();
        assertThat(registry.find("bigmarker.consumer.items.delivered").functionCounters()).isNotEmpty();
        harness.camel.getRouteController().stopRoute(ConsumerHarness.ROUTE);
        assertThat(registry.find("bigmarker.consumer.items.delivered").functionCounters()).isEmpty();
        assertThat(registry.find("bigmarker.requests").functionCounters()).as("the account's stay").isNotEmpty();
    }
}
