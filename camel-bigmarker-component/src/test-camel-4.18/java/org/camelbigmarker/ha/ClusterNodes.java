package org.camelbigmarker.ha;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.camelbigmarker.BigMarkerConstants;
import org.camelbigmarker.sandbox.BigMarkerSandbox;
import org.camelbigmarker.state.JdbcConsumerStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Nodes of one deployment, each a CamelContext of its own (as a replica would be): the same registrations consumer
 * under Camel's ClusteredRoutePolicy on a given cluster service, each node with its own JdbcConsumerStore on one
 * shared database. Records which node delivered which registration, and which nodes run the route at each moment.
 */
final class ClusterNodes implements AutoCloseable {

    static final String ROUTE = "registrations";

    record Delivery(String node, String email) {
    }

    private final BigMarkerSandbox server;
    private final DataSource database;
    private final String tablePrefix;
    private final Map<String, CamelContext> running = new LinkedHashMap<>();
    final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    ClusterNodes(BigMarkerSandbox server, DataSource database, String tablePrefix) {
        this.server = server;
        this.database = database;
        this.tablePrefix = tablePrefix;
    }

    void start(String node, CamelClusterService clusterService) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName(node);
        camel.addService(clusterService);
        camel.getRegistry().bind("store", new JdbcConsumerStore(database, tablePrefix));
        ClusteredRoutePolicy leaderOnly = ClusteredRoutePolicy.forNamespace("bigmarker-registrations");
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("bigmarker:registrations?operation=listRegistrations&conferenceId=c1&param.per_page=10"
                     + "&consumerStore=#store&initialDelay=0&delay=100&apiKey=" + BigMarkerSandbox.API_KEY
                     + "&baseUrl=" + server.baseUrl() + "&allowPlainHttp=true")
                        .routeId(ROUTE).routePolicy(leaderOnly)
                        .process(exchange -> deliveries.add(new Delivery(node,
                                exchange.getMessage().getHeader(BigMarkerConstants.EMAIL, String.class))));
            }
        });
        camel.start();
        running.put(node, camel);
    }

    /** Stops a node's CamelContext, as a rolling update or a scale-down does. */
    void stop(String node) {
        running.remove(node).stop();
    }

    /** The nodes whose consumer route runs now, i.e. that believe they lead. */
    List<String> leaders() {
        return running.entrySet().stream()
                .filter(node -> node.getValue().getRouteController().getRouteStatus(ROUTE) == ServiceStatus.Started)
                .map(Map.Entry::getKey).toList();
    }

    /** Waits for a node other than {@code former} to lead, and says how long that took. */
    Duration awaitLeaderOtherThan(String former, long faultAtNanos, Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(10))
                .until(() -> leaders().stream().anyMatch(node -> !node.equals(former)));
        return Duration.ofNanos(System.nanoTime() - faultAtNanos);
    }

    /** What a node suffers while it leads. */
    @FunctionalInterface
    interface Fault {
        void strike(String leader) throws Exception;
    }

    /**
     * What came of a fault: who led before, how long until another node led (null when none had to), how long two
     * nodes led at once, whether the former leader still led at the end, and what each node delivered.
     */
    record Outcome(String formerLeader, Duration takeover, Duration twoLeaders, boolean formerLeaderStillLeads,
            Map<String, Long> deliveredPerNode) {

        /** The line docs/high-availability.md takes its figures from. */
        Outcome report(String scenario) {
            System.out.printf("[ha] %s: takeover %s, two leaders for %d ms, the former leader still leading at the "
                              + "end: %s; delivered per node %s%n", scenario,
                    takeover == null ? "none" : "in " + takeover.toMillis() + " ms", twoLeaders.toMillis(),
                    formerLeaderStillLeads, deliveredPerNode);
            return this;
        }
    }

    /**
     * With the nodes started and people registering every 20 ms: once a leader has delivered for a second, the
     * fault strikes it; then waits for another node to lead (if {@code takeoverExpected}), watches {@code watchFor}
     * longer, stops the registrations and checks that each was delivered exactly once.
     */
    Outcome afterFault(Fault fault, boolean takeoverExpected, Duration watchFor) throws Exception {
        RegistrationStream stream = new RegistrationStream(server, 20);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10)).until(() -> !leaders().isEmpty());
        String leader = leaders().get(0);
        Thread.sleep(1000);
        Duration takeover = null;
        Duration twoLeaders;
        try (LeadershipWatch watch = watchLeadership()) {
            long struckAt = System.nanoTime();
            fault.strike(leader);
            if (takeoverExpected) {
                takeover = awaitLeaderOtherThan(leader, struckAt, Duration.ofSeconds(60));
            }
            Thread.sleep(watchFor.toMillis()); // every node keeps polling, the registrations go on
            twoLeaders = watch.twoLeadersFor();
        }
        boolean formerLeaderStillLeads = leaders().contains(leader);
        return new Outcome(leader, takeover, twoLeaders, formerLeaderStillLeads, assertEachDeliveredOnce(stream.stop()));
    }

    /** Every registration delivered exactly once, counted per item, and what each node delivered. */
    Map<String, Long> assertEachDeliveredOnce(List<String> registered) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> deliveries.stream().map(Delivery::email).distinct().count() >= registered.size());
        Map<String, Long> timesDelivered = deliveries.stream()
                .collect(Collectors.groupingBy(Delivery::email, Collectors.counting()));
        List<String> lost = registered.stream().filter(email -> !timesDelivered.containsKey(email)).toList();
        List<String> twice = timesDelivered.entrySet().stream().filter(count -> count.getValue() > 1)
                .map(Map.Entry::getKey).toList();
        assertThat(lost).as("registrations lost").isEmpty();
        assertThat(twice).as("registrations delivered more than once").isEmpty();
        assertThat(timesDelivered.keySet()).as("nothing delivered that was not registered")
                .containsExactlyInAnyOrderElementsOf(registered);
        return deliveries.stream().collect(Collectors.groupingBy(Delivery::node, Collectors.counting()));
    }

    /**
     * Watches how many nodes lead, every 10 ms, until closed: the time during which two or more nodes ran the
     * consumer at once (a split brain), summed.
     */
    LeadershipWatch watchLeadership() {
        return new LeadershipWatch();
    }

    final class LeadershipWatch implements AutoCloseable {
        private final Thread watching;
        private volatile boolean on = true;
        private volatile long overlapMillis;

        private LeadershipWatch() {
            watching = new Thread(() -> {
                while (on) {
                    long before = System.nanoTime();
                    sleep(10);
                    if (leaders().size() > 1) {
                        overlapMillis += (System.nanoTime() - before) / 1_000_000;
                    }
                }
            }, "leadership-watch");
            watching.setDaemon(true);
            watching.start();
        }

        Duration twoLeadersFor() {
            return Duration.ofMillis(overlapMillis);
        }

        @Override
        public void close() throws InterruptedException {
            on = false;
            watching.join();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        new ArrayList<>(running.keySet()).forEach(this::stop);
    }
}
