package org.camelbigmarker.consumer;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.camelbigmarker.BigMarkerComponent;
import org.camelbigmarker.sandbox.BigMarkerSandbox;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Hundreds of consumers in one application (an account with hundreds of webinars, one consumer each): the
 * component's own background work runs on its one executor, whatever the number of consumers; with the consumers
 * sharing one scheduler (Camel's scheduledExecutorService option, as docs/operations.md shows) the whole application
 * stays under 50 threads more than before it started.
 */
class ManyConsumersTest {

    private static final int CONSUMERS = 300;

    private static long threadsNamed(String part) {
        return Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.getName().contains(part)).count();
    }

    @Test
    void threeHundredConsumersDeliverEverythingOnTheComponentsThreadsAndOneSharedScheduler() throws Exception {
        try (BigMarkerSandbox server = BigMarkerSandbox.start()) {
            for (int i = 0; i < CONSUMERS; i++) {
                server.conference("c" + i, "future");
                server.register("c" + i, 1);
            }
            int threadsBefore = Thread.getAllStackTraces().size();
            CamelContext camel = new DefaultCamelContext();
            BigMarkerComponent component = camel.getComponent("bigmarker", BigMarkerComponent.class);
            component.getConfiguration().setApiKey(BigMarkerSandbox.API_KEY);
            component.getConfiguration().setBaseUrl(server.baseUrl());
            component.getConfiguration().setAllowPlainHttp(true);
            ScheduledExecutorService polls = camel.getExecutorServiceManager()
                    .newScheduledThreadPool(this, "BigMarkerPolls", 4);
            camel.getRegistry().bind("polls", polls);
            AtomicInteger delivered = new AtomicInteger();
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    for (int i = 0; i < CONSUMERS; i++) {
                        from("bigmarker:registrations?operation=listRegistrations&conferenceId=c" + i
                             + "&initialDelay=0&scheduledExecutorService=#polls")
                                .routeId("webinar-" + i).process(exchange -> delivered.incrementAndGet());
                    }
                }
            });
            camel.start();
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> delivered.get() == CONSUMERS);
                assertThat(Thread.getAllStackTraces().size() - threadsBefore).as("threads added by the application")
                        .isLessThan(50);
                assertThat(threadsNamed("BigMarkerPolls")).as("the shared scheduler").isLessThanOrEqualTo(4);
                assertThat(threadsNamed("BigMarkerBackground")).as("the component's own threads")
                        .isBetween(1L, (long) component.getBackgroundThreads());
            } finally {
                camel.stop();
            }
        }
    }
}
