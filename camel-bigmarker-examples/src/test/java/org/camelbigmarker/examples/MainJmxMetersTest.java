package org.camelbigmarker.examples;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Set;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.camelbigmarker.sandbox.BigMarkerSandbox;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A camel-main application without Micrometer reads the consumer's and the account's figures as JMX attributes: the
 * items delivered equal the sandbox's registrations, the requests count the polls' reads.
 */
class MainJmxMetersTest {

    @Test
    void aCamelMainApplicationReadsTheMetersAsJmxAttributes() throws Exception {
        try (BigMarkerSandbox sandbox = BigMarkerSandbox.start().seedDemoData()) {
            Main main = new Main();
            main.addInitialProperty("camel.component.bigmarker.api-key", sandbox.apiKey());
            main.addInitialProperty("camel.component.bigmarker.base-url", sandbox.baseUrl());
            main.addInitialProperty("camel.component.bigmarker.allow-plain-http", "true");
            main.configure().addRoutesBuilder(new RouteBuilder() {
                @Override
                public void configure() {
                    from("bigmarker:registrations?operation=listChannelRegistrations&channelId=" + sandbox.channel()
                         + "&initialDelay=0").routeId("registrations").to("log:registrations?level=DEBUG");
                }
            });
            main.start();
            try {
                MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
                String context = main.getCamelContext().getManagementName();
                ObjectName consumer = only(jmx.queryNames(new ObjectName("org.apache.camel:context=" + context
                                                                         + ",type=consumers,*"), null));
                ObjectName component = only(jmx.queryNames(new ObjectName("org.apache.camel:context=" + context
                                                                          + ",type=components,name=\"bigmarker\""),
                        null));
                int registrations = sandbox.registrationCount();
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> ((Number) jmx.getAttribute(consumer, "ItemsDelivered")).intValue()
                                     == registrations);
                assertThat(((Number) jmx.getAttribute(consumer, "LagSeconds")).doubleValue()).isZero();
                assertThat(((Number) jmx.getAttribute(consumer, "GivenUpItemsKept")).longValue()).isZero();
                assertThat(((Number) jmx.getAttribute(component, "Requests")).longValue()).isPositive();
            } finally {
                main.stop();
            }
        }
    }

    private static ObjectName only(Set<ObjectName> names) {
        assertThat(names).hasSize(1);
        return names.iterator().next();
    }
}
