package org.camelbigmarker.consumer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.ScheduledPollConsumer;
import org.camelbigmarker.BigMarkerComponent;
import org.camelbigmarker.BigMarkerConstants;
import org.camelbigmarker.BigMarkerEndpoint;
import org.camelbigmarker.sandbox.BigMarkerSandbox;
import org.camelbigmarker.state.JdbcConsumerStore;
import org.camelbigmarker.testing.DrivenClock;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's consumer, copied as it is written, at the defaults: an idle hour costs at most 120 requests
 * (reconciliation included), counted in the sandbox's request log with the component's clock driven through the hour
 * at the consumer's own delay; and its first start delivers only what is registered after it, as the README says.
 */
class ReadmeConsumerCostTest {

    /** A conference of the sandbox's demo channel. */
    private static final String UPCOMING = "c0ffee01";
    private static final Pattern CONSUMER = Pattern.compile("from\\(\"(bigmarker:registrations\\?[^\"]+)\"\\)");

    static String readmeConsumerUri() throws IOException {
        Matcher consumer = CONSUMER.matcher(Files.readString(Path.of("..", "README.md")));
        assertThat(consumer.find()).as("README.md shows a registrations consumer").isTrue();
        return consumer.group(1);
    }

    @Test
    void theReadmeConsumerCostsAtMost120RequestsAnIdleHourAndStartsFromNow() throws Exception {
        String uri = readmeConsumerUri();
        assertThat(uri).contains("startFrom=now").contains("consumerStore=#bigmarkerStore").doesNotContain("delay=");
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:readme-cost;DB_CLOSE_DELAY=-1");
        DrivenClock clock = new DrivenClock();
        List<String> delivered = new CopyOnWriteArrayList<>();
        try (BigMarkerSandbox server = BigMarkerSandbox.start().seedDemoData()) {
            CamelContext camel = new DefaultCamelContext();
            BigMarkerComponent component = camel.getComponent("bigmarker", BigMarkerComponent.class);
            component.setClock(clock);
            component.getConfiguration().setApiKey(BigMarkerSandbox.API_KEY);
            component.getConfiguration().setBaseUrl(server.baseUrl());
            component.getConfiguration().setAllowPlainHttp(true);
            camel.getRegistry().bind("bigmarkerStore", new JdbcConsumerStore(database));
            String copied = uri.replace("channelId=acme", "channelId=" + server.channel())
                            + "&startScheduler=false"; // the test runs each poll at its time
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(copied).routeId("readme")
                            .process(exchange -> delivered.add(exchange.getMessage()
                                    .getHeader(BigMarkerConstants.EMAIL, String.class)));
                }
            });
            camel.start();
            try {
                ScheduledPollConsumer consumer = (ScheduledPollConsumer) camel.getRoute("readme").getConsumer();
                long delay = camel.getEndpoint(copied, BigMarkerEndpoint.class).getDelay();
                assertThat(delay).as("the consumers' default").isEqualTo(BigMarkerComponent.POLL_DELAY_MILLIS);

                consumer.run();
                assertThat(delivered).as("a first start from now: the channel's history is not delivered").isEmpty();

                int before = server.requestCount();
                for (long at = 0; at < Duration.ofHours(1).toMillis(); at += delay) {
                    clock.advance(Duration.ofMillis(delay));
                    consumer.run();
                }
                int idleHour = server.requestCount() - before;
                assertThat(idleHour).as("requests in an idle hour, reconciliation included").isBetween(60, 120);

                String newcomer = server.register(UPCOMING, 1).get(0);
                clock.advance(Duration.ofMillis(delay));
                consumer.run();
                assertThat(delivered).as("what is registered after the start").containsExactly(newcomer);
            } finally {
                camel.stop();
            }
        }
    }
}
