package org.camelbigmarker.consumer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * What a consumer costs at the defaults, counted in the sandbox's request log over an idle hour, with the component's
 * clock driven through the hour at the consumer's own delay: the README's consumer, copied as written (at most 120
 * requests, and its first start delivers only what is registered after it, as the README says), and each polling
 * kind, whose figures docs/consumers.md states.
 */
class ConsumerCostTest {

    private static final Pattern CONSUMER = Pattern.compile("from\\(\"(bigmarker:registrations\\?[^\"]+)\"\\)");
    /** A conference of the sandbox's demo channel. */
    private static final String UPCOMING = "c0ffee01";
    private static final Path CONSUMERS_DOC = Path.of("..", "docs", "consumers.md");

    /** An idle hour of one consumer: the requests it sent, and what its first poll delivered. */
    private record IdleHour(int requests, List<String> firstPoll, List<String> afterANewRegistration) {
    }

    private static IdleHour idleHour(String uri, boolean registerAfter) throws Exception {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:cost-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
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
                            + (uri.contains("?") ? "&" : "?") + "startScheduler=false"; // each poll run at its time
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(copied).routeId("measured").process(exchange -> delivered.add(String.valueOf(
                            exchange.getMessage().getHeader(BigMarkerConstants.EMAIL))));
                }
            });
            camel.start();
            try {
                ScheduledPollConsumer consumer = (ScheduledPollConsumer) camel.getRoute("measured").getConsumer();
                long delay = camel.getEndpoint(copied, BigMarkerEndpoint.class).getDelay();
                assertThat(delay).as("the consumers' default").isEqualTo(BigMarkerComponent.POLL_DELAY_MILLIS);
                consumer.run();
                List<String> firstPoll = List.copyOf(delivered);
                int before = server.requestCount();
                for (long at = 0; at < Duration.ofHours(1).toMillis(); at += delay) {
                    clock.advance(Duration.ofMillis(delay));
                    consumer.run();
                }
                int requests = server.requestCount() - before;
                List<String> after = List.of();
                if (registerAfter) {
                    delivered.clear();
                    server.register(UPCOMING, 1);
                    clock.advance(Duration.ofMillis(delay));
                    consumer.run();
                    after = List.copyOf(delivered);
                }
                return new IdleHour(requests, firstPoll, after);
            } finally {
                camel.stop();
            }
        }
    }

    static String readmeConsumerUri() throws IOException {
        Matcher consumer = CONSUMER.matcher(Files.readString(Path.of("..", "README.md")));
        assertThat(consumer.find()).as("README.md shows a registrations consumer").isTrue();
        return consumer.group(1);
    }

    @Test
    void theReadmeConsumerCostsAtMost120RequestsAnIdleHourAndStartsFromNow() throws Exception {
        String uri = readmeConsumerUri();
        assertThat(uri).contains("startFrom=now").contains("consumerStore=#bigmarkerStore").doesNotContain("delay=");
        IdleHour hour = idleHour(uri, true);
        assertThat(hour.firstPoll()).as("a first start from now: the channel's history is not delivered").isEmpty();
        assertThat(hour.requests()).as("requests in an idle hour, reconciliation included").isBetween(60, 120);
        assertThat(hour.afterANewRegistration()).as("what is registered after the start").hasSize(1);
    }

    /**
     * Each polling kind at the defaults on the sandbox's demo account (four conferences, one of them ended, one page
     * of each list); docs/consumers.md states these figures.
     */
    @Test
    void eachPollingKindCostsWhatTheConsumersPageSays() throws Exception {
        Map<String, String> kinds = new LinkedHashMap<>();
        kinds.put("newItems of one conference's registrations",
                "bigmarker:registrations?operation=listRegistrations&conferenceId=" + UPCOMING);
        kinds.put("newItems of a channel's registrations",
                "bigmarker:registrations?operation=listChannelRegistrations&channelId=acme");
        kinds.put("newItems of the conferences list", "bigmarker:conferences?operation=listConferences");
        kinds.put("conferenceStarted", "bigmarker:conferences?event=conferenceStarted");
        kinds.put("conferenceEnded", "bigmarker:conferences?event=conferenceEnded");
        kinds.put("reports of the account", "bigmarker:reporting?event=reports");
        String page = Files.readString(CONSUMERS_DOC);
        for (Map.Entry<String, String> kind : kinds.entrySet()) {
            int requests = idleHour(kind.getValue(), false).requests();
            assertThat(page).as("docs/consumers.md states the idle hour of " + kind.getKey())
                    .contains("| " + kind.getKey() + " | " + requests + " |");
        }
    }
}
