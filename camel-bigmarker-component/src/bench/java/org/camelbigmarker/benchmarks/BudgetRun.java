package org.camelbigmarker.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.camelbigmarker.BigMarkerComponent;
import org.camelbigmarker.BigMarkerConstants;
import org.camelbigmarker.consumer.BigMarkerConsumer;
import org.camelbigmarker.testing.DrivenClock;

/**
 * One request budget per API key, measured on the generated account of {@link AccountCostRun}: the four consumers of
 * that run in one CamelContext on one key, each polling a minute after its last poll ended (Camel's fixed delay), and a
 * producer registering someone every 5 minutes, for a simulated day. The account is throttled to fewer requests a
 * minute than the consumers would spend; three runs: no limit and no budget (what the consumers spend, and their
 * delays), the limit without a budget, the limit with a budget of the same size. One thread drives everything, so a
 * wait (a repeat after 429, a budget slot) moves the virtual clock, as the time it would take.
 */
final class BudgetRun {

    record Row(String setting, long requests, long throttled, long delivered, long writes, long failedWrites,
               Map<String, long[]> delaysByKind, long writeWaitP99Millis) {
    }

    private static final Duration POLL_DELAY = Duration.ofMinutes(1);
    private static final Duration WRITE_EVERY = Duration.ofMinutes(5);
    static final List<String> KINDS = List.of("registrations", "started", "ended", "reports");

    private BudgetRun() {
    }

    static List<Row> run(int limitPerMinute) throws Exception {
        return List.of(measure("no limit, no budget", 0, 0), measure(limitPerMinute + "/min limit, no budget",
                limitPerMinute, 0), measure(limitPerMinute + "/min limit, requestsPerMinute=" + limitPerMinute,
                        limitPerMinute, limitPerMinute));
    }

    private record Delivery(String kind, String item, Instant at) {
    }

    private static Row measure(String setting, int limit, int budget) throws Exception {
        DrivenClock clock = new DrivenClock(Instant.now().minus(Duration.ofDays(3)));
        List<Delivery> deliveries = new CopyOnWriteArrayList<>();
        try (GeneratedAccountServer server = AccountCostRun.account(clock);
             CamelContext camel = new DefaultCamelContext()) {
            BigMarkerComponent component = camel.getComponent("bigmarker", BigMarkerComponent.class);
            component.setClock(clock);
            component.setSleeper(millis -> clock.advance(Duration.ofMillis(millis)));
            component.setRequestsPerMinute(budget);
            String account = "&apiKey=k&allowPlainHttp=true&baseUrl=" + server.baseUrl()
                             + "&initialDelay=999999999&delay=999999999&startFrom=now";
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    route("registrations", "registrations?operation=listRegistrations&conferenceId=u-0");
                    route("started", "conferences?event=conferenceStarted");
                    route("ended", "conferences?event=conferenceEnded");
                    route("reports", "reporting?event=reports&reports=reportChats");
                    from("direct:register").to("bigmarker:registrations?operation=register&apiKey=k"
                                                + "&allowPlainHttp=true&baseUrl=" + server.baseUrl());
                }

                private void route(String kind, String groupAndOptions) {
                    from("bigmarker:" + groupAndOptions + account).routeId(kind).process(exchange -> deliveries
                            .add(new Delivery(kind, itemOf(kind, exchange), clock.instant())));
                }
            });
            camel.start();
            List<BigMarkerConsumer> consumers = KINDS.stream()
                    .map(kind -> (BigMarkerConsumer) camel.getRoute(kind).getConsumer()).toList();
            consumers.forEach(BigMarkerConsumer::run); // the first polls, from now, unthrottled: as before the day
            server.resetCounts();
            server.throttleTo(limit);
            deliveries.clear();
            Instant start = clock.instant();
            Instant end = start.plus(Duration.ofDays(1));
            Instant[] nextPoll = new Instant[consumers.size()];
            java.util.Arrays.fill(nextPoll, start.plus(POLL_DELAY));
            Instant nextWrite = start.plus(WRITE_EVERY);
            ProducerTemplate template = camel.createProducerTemplate();
            long writes = 0;
            long failedWrites = 0;
            List<Long> writeWaits = new ArrayList<>();
            while (true) {
                int next = 0;
                for (int i = 1; i < consumers.size(); i++) {
                    next = nextPoll[i].isBefore(nextPoll[next]) ? i : next;
                }
                Instant due = nextWrite.isBefore(nextPoll[next]) ? nextWrite : nextPoll[next];
                if (!due.isBefore(end)) {
                    break;
                }
                if (clock.instant().isBefore(due)) {
                    clock.advance(Duration.between(clock.instant(), due));
                }
                if (due.equals(nextWrite)) {
                    Instant asked = clock.instant();
                    try {
                        template.requestBody("direct:register", Map.of("id", "u-1", "email",
                                "lead" + writes + "@example.com", "first_name", "L", "last_name", "W"));
                    } catch (RuntimeException failed) {
                        failedWrites++;
                    }
                    writes++;
                    writeWaits.add(Duration.between(asked, clock.instant()).toMillis());
                    nextWrite = clock.instant().plus(WRITE_EVERY);
                } else {
                    consumers.get(next).run();
                    nextPoll[next] = clock.instant().plus(POLL_DELAY);
                }
            }
            return new Row(setting, server.totalRequests(), server.throttledAnswers(), deliveries.size(), writes,
                    failedWrites, delays(deliveries, server), percentile(writeWaits, 0.99));
        }
    }

    private static String itemOf(String kind, Exchange exchange) {
        return exchange.getMessage().getHeader(kind.equals("registrations") ? BigMarkerConstants.EMAIL
                : BigMarkerConstants.CONFERENCE_ID, String.class);
    }

    /** Per kind: p50, p99 and max seconds from the item's being there to be read to its delivery, and the count. */
    private static Map<String, long[]> delays(List<Delivery> deliveries, GeneratedAccountServer server) {
        Map<String, long[]> byKind = new java.util.LinkedHashMap<>();
        for (String kind : KINDS) {
            List<Long> seconds = deliveries.stream().filter(delivery -> delivery.kind().equals(kind))
                    .map(delivery -> Duration.between(availableAt(delivery, server), delivery.at()).toSeconds())
                    .sorted().toList();
            byKind.put(kind, new long[] { percentile(seconds, 0.5), percentile(seconds, 0.99),
                seconds.isEmpty() ? 0 : seconds.get(seconds.size() - 1), seconds.size() });
        }
        return byKind;
    }

    /** When the generated account shows the item: a registration when made, a start at the start, an end after it. */
    private static Instant availableAt(Delivery delivery, GeneratedAccountServer server) {
        return switch (delivery.kind()) {
            case "registrations" -> server.registrationMadeAt(delivery.item());
            case "started" -> Instant.ofEpochSecond(server.startOf(delivery.item()));
            default -> Instant.ofEpochSecond(server.endOf(delivery.item()));
        };
    }

    private static long percentile(List<Long> values, double quantile) {
        return values.isEmpty() ? 0 : Quantile.of(values.stream().sorted().toList(), quantile);
    }
}
