package org.camelbigmarker.consumer;

import org.camelbigmarker.BigMarkerConstants;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.camelbigmarker.state.JdbcConsumerStore;
import org.h2.jdbcx.JdbcDataSource;
import org.camelbigmarker.consumer.BigMarkerConsumer;
import org.camelbigmarker.sandbox.BigMarkerSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes (CamelContexts) run the same consumer route under Camel's ClusteredRoutePolicy over a file-lock cluster
 * service, sharing a JdbcConsumerStore (an embedded H2 database). One node polls;
 * when it stops, the other takes over; nothing is lost and nothing is delivered twice.
 */
class ClusteredConsumerTest {

    private record Delivery(String node, String email) {
    }

    @TempDir
    Path lockDirectory;

    private BigMarkerSandbox server;
    private JdbcDataSource database;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final List<CamelContext> nodes = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = BigMarkerSandbox.start();
        database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:cluster-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    }

    @AfterEach
    void stop() {
        nodes.forEach(CamelContext::stop);
        server.close();
    }

    private CamelContext node(String name) throws Exception {
        return node(name, new JdbcConsumerStore(database)); // each node its own, on one database
    }

    private CamelContext node(String name, Object store) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName(name);
        FileLockClusterService cluster = new FileLockClusterService();
        cluster.setId(name);
        cluster.setRoot(lockDirectory.toString());
        cluster.setAcquireLockDelay(10, TimeUnit.MILLISECONDS);
        cluster.setAcquireLockInterval(100, TimeUnit.MILLISECONDS);
        camel.addService(cluster);
        camel.getRegistry().bind("store", store);
        ClusteredRoutePolicy leaderOnly = ClusteredRoutePolicy.forNamespace("bigmarker-registrations");
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("bigmarker:registrations?operation=listRegistrations&conferenceId=c1&param.per_page=7"
                     + "&consumerStore=#store&initialDelay=0&delay=100"
                     + "&apiKey=" + BigMarkerSandbox.API_KEY + "&baseUrl=" + server.baseUrl() + "&allowPlainHttp=true")
                        .routeId("registrations").routePolicy(leaderOnly)
                        .process(e -> deliveries.add(new Delivery(name,
                                e.getMessage().getHeader(BigMarkerConstants.EMAIL, String.class))));
            }
        });
        camel.start();
        nodes.add(camel);
        return camel;
    }

    /** Waits for more polls of the node that leads (the others' consumers are not started by the route policy). */
    private void awaitPollsOfTheLeader(int polls) {
        BigMarkerConsumer leader = nodes.stream().map(node -> node.getRoute("registrations").getConsumer())
                .filter(org.apache.camel.support.service.ServiceHelper::isStarted).map(BigMarkerConsumer.class::cast)
                .findFirst().orElseThrow();
        long target = leader.getCounter() + polls;
        await().atMost(Duration.ofSeconds(20)).until(() -> leader.getCounter() >= target);
    }

    private List<String> emails() {
        return deliveries.stream().map(Delivery::email).toList();
    }

    private List<String> nodesThatDelivered() {
        return deliveries.stream().map(Delivery::node).distinct().toList();
    }

    @Test
    void oneNodePollsAndTheOtherTakesOverWithoutLossOrDuplicates() throws Exception {
        List<String> expected = new ArrayList<>(server.register("c1", 20));
        CamelContext first = node("node-a");
        node("node-b");
        await().atMost(Duration.ofSeconds(20)).until(() -> deliveries.size() >= 20);
        awaitPollsOfTheLeader(3); // more polls: anything delivered twice would show now
        assertThat(emails()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(nodesThatDelivered()).as("only the leader polls").hasSize(1);
        String leader = nodesThatDelivered().get(0);

        CamelContext leaderNode = leader.equals("node-a") ? first : nodes.get(1);
        leaderNode.stop();
        nodes.remove(leaderNode);
        expected.addAll(server.register("c1", 10));
        await().atMost(Duration.ofSeconds(20)).until(() -> deliveries.size() >= 30);
        awaitPollsOfTheLeader(3);

        assertThat(emails()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(nodesThatDelivered()).as("the other node took over").hasSize(2);
        assertThat(deliveries.stream().filter(d -> !d.node().equals(leader)).count())
                .as("the new leader delivered only what the old one had not").isEqualTo(10);
    }

    @Test
    void aStoreNodesCannotShareIsWarnedAboutUnderAClusterPolicy() throws Exception {
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        java.io.PrintStream originalErr = System.err;
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            node("node-a", new org.camelbigmarker.state.MemoryConsumerStore());
            await().atMost(Duration.ofSeconds(10)).until(() -> captured.toString().contains("cluster policy"));
        } finally {
            System.setErr(originalErr);
        }
        assertThat(captured.toString()).contains("runs under a cluster policy with a MemoryConsumerStore")
                .contains("JdbcConsumerStore");
    }
}
