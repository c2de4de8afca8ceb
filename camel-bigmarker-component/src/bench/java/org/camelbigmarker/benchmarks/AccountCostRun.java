package org.camelbigmarker.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.camelbigmarker.BigMarkerComponent;
import org.camelbigmarker.consumer.BigMarkerConsumer;
import org.camelbigmarker.testing.DrivenClock;
import org.camelbigmarker.testing.LoopbackPlatformHttp;

/**
 * What each consumer kind costs in requests on a generated account (1,000 upcoming and 10,000 past conferences,
 * 100 registrations each, a new registration every 30 minutes on one conference) over a simulated day in virtual
 * time, polling every minute, beside what a naive poller reading every list in full each poll would cost. The
 * account's clock runs behind the real one (the JDK's server sends the real Date), so the cursors follow the
 * account's clock.
 */
final class AccountCostRun {

    record Row(String consumer, long firstPoll, long requestsInADay, long delivered, long naive) {
        double perHour() {
            return requestsInADay / 24.0;
        }
    }

    private static final int UPCOMING = 1000;
    private static final int PAST = 10000;
    private static final int REGISTRATIONS = 100;
    private static final long NEW_EVERY = 1800;

    private AccountCostRun() {
    }

    /**
     * The consumers that have a webhook, with webhooks on, polling (the reconciliation) every {@code delay}: the
     * account sends no webhook, so these rows are the requests alone (a push costs none) and items come by the poll.
     * The first poll's column holds what the consumer's start costs too (setting the conferences' webhooks).
     */
    static List<Row> runWithWebhooks(Duration delay) throws Exception {
        int port = LoopbackPlatformHttp.freePort();
        String webhook = "&webhook=true&webhookBaseUrl=http://127.0.0.1:" + port;
        List<Row> rows = new ArrayList<>();
        rows.add(measure("New registrations of one conference", "registrations?operation=listRegistrations"
                                                                  + "&conferenceId=u-0" + webhook, delay, port,
                server -> () -> pages(server.registrationsOfTheFirstConference(), 25)));
        rows.add(measure("Conference started (the account)", "conferences?event=conferenceStarted" + webhook, delay,
                port, server -> () -> pages(UPCOMING, 100)));
        rows.add(measure("Conference ended (the account)", "conferences?event=conferenceEnded" + webhook, delay,
                port, server -> () -> pages(server.pastConferences(), 100)));
        return rows;
    }

    static List<Row> run(Duration delay) throws Exception {
        List<Row> rows = new ArrayList<>();
        rows.add(measure("New registrations of one conference", "registrations?operation=listRegistrations"
                                                                  + "&conferenceId=u-0", delay, 0,
                server -> () -> pages(server.registrationsOfTheFirstConference(), 25)));
        rows.add(measure("Conference started (the account)", "conferences?event=conferenceStarted", delay, 0,
                server -> () -> pages(UPCOMING, 100)));
        rows.add(measure("Conference ended (the account)", "conferences?event=conferenceEnded", delay, 0,
                server -> () -> pages(server.pastConferences(), 100)));
        rows.add(measure("Reports of every conference that ends (chats)", "reporting?event=reports&reports=reportChats",
                delay, 0, server -> () -> pages(server.pastConferences(), 100)));
        return rows;
    }

    private interface Naive {
        IntSupplier pagesPerPoll(GeneratedAccountServer server);
    }

    /** The generated account of these runs, on the clock. */
    static GeneratedAccountServer account(DrivenClock clock) throws java.io.IOException {
        return new GeneratedAccountServer(clock, UPCOMING, PAST, REGISTRATIONS, NEW_EVERY);
    }

    private static int pages(int items, int perPage) {
        return items / perPage + 1; // without totals the empty page ends a read; with them, the last one does
    }

    /** With {@code webhookPort} 0 no platform-http server is started: the consumer only polls. */
    private static Row measure(String name, String groupAndOptions, Duration delay, int webhookPort, Naive naive)
            throws Exception {
        DrivenClock clock = new DrivenClock(Instant.now().minus(Duration.ofDays(3)));
        AtomicLong delivered = new AtomicLong();
        try (GeneratedAccountServer server = account(clock);
             CamelContext camel = new DefaultCamelContext()) {
            camel.getComponent("bigmarker", BigMarkerComponent.class).setClock(clock);
            if (webhookPort > 0) {
                LoopbackPlatformHttp.addTo(camel, webhookPort);
            }
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("bigmarker:" + groupAndOptions + "&apiKey=k&allowPlainHttp=true&baseUrl=" + server.baseUrl()
                         + "&initialDelay=999999999&delay=999999999&startFrom=now")
                            .routeId("cost").process(exchange -> delivered.incrementAndGet());
                }
            });
            camel.start(); // with webhooks, the start sets them: counted with the first poll
            BigMarkerConsumer consumer = (BigMarkerConsumer) camel.getRoute("cost").getConsumer();
            consumer.run(); // the first poll: starts from now
            long firstPoll = server.totalRequests();
            server.resetCounts();
            delivered.set(0);
            IntSupplier naivePages = naive.pagesPerPoll(server);
            long naiveRequests = 0;
            for (long elapsed = 0; elapsed < Duration.ofDays(1).toSeconds(); elapsed += delay.toSeconds()) {
                clock.advance(delay);
                consumer.run();
                naiveRequests += naivePages.getAsInt();
            }
            return new Row(name, firstPoll, server.totalRequests(), delivered.get(), naiveRequests);
        }
    }
}
