package org.camelbigmarker.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.camelbigmarker.BigMarkerComponent;
import org.camelbigmarker.BigMarkerConstants;
import org.camelbigmarker.sandbox.BigMarkerSandbox;
import org.camelbigmarker.state.JdbcConsumerStore;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Two nodes of one deployment (docs/high-availability.md): each a CamelContext with the same registrations consumer
 * under Camel's ClusteredRoutePolicy, sharing their consumer state in PostgreSQL. One node leads and delivers; it is
 * stopped half-way, the other takes over; the summary says which node delivered what, and that nothing was lost or
 * delivered twice. On the embedded defaults: the BigMarker sandbox, an embedded PostgreSQL (or EXAMPLE_JDBC_URL,
 * EXAMPLE_JDBC_USER, EXAMPLE_JDBC_PASSWORD), and a file-lock cluster service, which elects a leader among processes
 * of one machine: production uses ZooKeeper or Kubernetes instead, with the same route.
 */
public final class TwoNodesExample {

    private static final String CONFERENCE = "c1";
    private static final String ROUTE = "registrations";

    /** What the run shows: who registered, who delivered each registration, how long the takeover took. */
    public record Result(List<String> registered, Map<String, List<String>> deliveredByNode, String firstLeader,
            Duration takeover) {

        public List<String> lost() {
            List<String> delivered = deliveredByNode.values().stream().flatMap(List::stream).toList();
            return registered.stream().filter(email -> !delivered.contains(email)).toList();
        }

        public List<String> deliveredTwice() {
            return deliveredByNode.values().stream().flatMap(List::stream)
                    .collect(Collectors.groupingBy(email -> email, Collectors.counting())).entrySet().stream()
                    .filter(count -> count.getValue() > 1).map(Map.Entry::getKey).toList();
        }

        public void print(PrintStream out) {
            out.println();
            out.println("=== Two nodes, one consumer, shared state in PostgreSQL ===");
            out.printf("  Registrations made: %d (half before, half after the leader was stopped)%n",
                    registered.size());
            deliveredByNode.forEach((node, emails) -> out.printf("  %s delivered %d%s%n", node, emails.size(),
                    node.equals(firstLeader) ? " (the first leader, stopped half-way)" : ""));
            out.printf("  Takeover after the leader stopped: %d ms%n", takeover.toMillis());
            out.printf("  Lost: %d, delivered twice: %d%n", lost().size(), deliveredTwice().size());
        }
    }

    private TwoNodesExample() {
    }

    public static void main(String[] args) throws Exception {
        Path workDir = Path.of(System.getProperty("EXAMPLE_WORK_DIR", "target/two-nodes-example")).toAbsolutePath();
        String jdbcUrl = System.getenv("EXAMPLE_JDBC_URL");
        Result result;
        if (jdbcUrl != null && jdbcUrl.startsWith("jdbc:postgresql:")) {
            PGSimpleDataSource postgres = new PGSimpleDataSource();
            postgres.setUrl(jdbcUrl);
            postgres.setUser(System.getenv("EXAMPLE_JDBC_USER"));
            postgres.setPassword(System.getenv("EXAMPLE_JDBC_PASSWORD"));
            result = run(postgres, workDir, System.out);
        } else {
            try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
                System.out.println("No EXAMPLE_JDBC_URL: the nodes share an embedded PostgreSQL on port "
                                   + postgres.getPort());
                result = run(postgres.getPostgresDatabase(), workDir, System.out);
            }
        }
        result.print(System.out);
    }

    /** One run on the sandbox: 10 registrations, the leader stopped, 10 more. */
    public static Result run(DataSource database, Path workDir, PrintStream out) throws Exception {
        Path locks = Files.createDirectories(workDir.resolve("cluster-" + System.nanoTime()));
        Map<String, List<String>> deliveredByNode = new TreeMap<>();
        try (BigMarkerSandbox sandbox = BigMarkerSandbox.start()) {
            sandbox.conference(CONFERENCE, "live");
            Map<String, CamelContext> nodes = new TreeMap<>();
            for (String node : List.of("node-a", "node-b")) {
                deliveredByNode.put(node, new CopyOnWriteArrayList<>());
                nodes.put(node, startNode(node, sandbox, database, locks, deliveredByNode.get(node)));
            }
            List<String> registered = new CopyOnWriteArrayList<>(sandbox.register(CONFERENCE, 10));
            waitFor(() -> delivered(deliveredByNode) >= 10, Duration.ofSeconds(30));
            String leader = nodes.entrySet().stream().filter(node -> leads(node.getValue())).findFirst()
                    .orElseThrow().getKey();
            out.println(leader + " leads and delivered the first 10; stopping it");

            long stoppedAt = System.nanoTime();
            nodes.remove(leader).stop();
            registered.addAll(sandbox.register(CONFERENCE, 10));
            CamelContext survivor = nodes.values().iterator().next();
            waitFor(() -> leads(survivor), Duration.ofSeconds(30));
            Duration takeover = Duration.ofNanos(System.nanoTime() - stoppedAt);
            waitFor(() -> delivered(deliveredByNode) >= 20, Duration.ofSeconds(30));
            TimeUnit.MILLISECONDS.sleep(500); // a few more polls: anything delivered twice would show now
            survivor.stop();
            return new Result(List.copyOf(registered), deliveredByNode, leader, takeover);
        }
    }

    private static CamelContext startNode(String node, BigMarkerSandbox sandbox, DataSource database, Path locks,
            List<String> delivered) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName(node);
        FileLockClusterService cluster = new FileLockClusterService();
        cluster.setId(node);
        cluster.setRoot(locks.toString());
        cluster.setAcquireLockInterval(200, TimeUnit.MILLISECONDS);
        camel.addService(cluster);
        camel.getRegistry().bind("store", new JdbcConsumerStore(database));
        ClusteredRoutePolicy leaderOnly = ClusteredRoutePolicy.forNamespace("bigmarker-registrations");
        camel.getComponent("bigmarker", BigMarkerComponent.class).getConfiguration().setApiKey(sandbox.apiKey());
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("bigmarker:registrations?operation=listRegistrations&conferenceId=" + CONFERENCE
                     + "&consumerStore=#store&initialDelay=0&delay=200&baseUrl=" + sandbox.baseUrl()
                     + "&allowPlainHttp=true")
                        .routeId(ROUTE).routePolicy(leaderOnly)
                        .process(exchange -> delivered.add(
                                exchange.getMessage().getHeader(BigMarkerConstants.EMAIL, String.class)));
            }
        });
        camel.start();
        return camel;
    }

    private static boolean leads(CamelContext node) {
        return node.getRouteController().getRouteStatus(ROUTE) == ServiceStatus.Started;
    }

    private static int delivered(Map<String, List<String>> deliveredByNode) {
        return deliveredByNode.values().stream().mapToInt(List::size).sum();
    }

    private static void waitFor(BooleanSupplier condition, Duration within) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IOException("the example did not get there within " + within.toSeconds() + " s");
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }
}
