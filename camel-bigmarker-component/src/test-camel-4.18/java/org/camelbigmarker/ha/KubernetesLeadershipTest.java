package org.camelbigmarker.ha;

import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import org.apache.camel.component.kubernetes.KubernetesConfiguration;
import org.apache.camel.component.kubernetes.cluster.KubernetesClusterService;
import org.apache.camel.component.kubernetes.cluster.LeaseResourceType;
import org.camelbigmarker.sandbox.BigMarkerSandbox;
import org.camelbigmarker.state.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes (Pods) under Camel's Kubernetes cluster service (a coordination.k8s.io Lease) against fabric8's mock API
 * server in CRUD mode, sharing a JdbcConsumerStore on a real PostgreSQL, while people keep registering. The leader
 * stops or its Pod is deleted; another node takes over and every registration is delivered exactly once, counted per
 * item. The takeover times printed here are the ones docs/high-availability.md reports.
 */
class KubernetesLeadershipTest {

    private static final String NAMESPACE = "integrations";
    private static final Map<String, String> LABELS = Map.of("app", "bigmarker-sync");
    private static final long LEASE_DURATION_MILLIS = 3000;

    private KubernetesMockServer apiServer;
    private KubernetesClient kubernetes;
    private BigMarkerSandbox server;
    private ClusterNodes nodes;

    @BeforeEach
    void start() throws Exception {
        apiServer = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        apiServer.init(InetAddress.getLoopbackAddress(), 0);
        kubernetes = apiServer.createClient();
        server = BigMarkerSandbox.start();
        nodes = new ClusterNodes(server, TestDatabases.of("postgresql"), "K8S" + (System.nanoTime() % 1_000_000));
    }

    @AfterEach
    void stop() {
        nodes.close();
        server.close();
        kubernetes.close();
        apiServer.destroy();
    }

    /** A running Pod of the deployment, with the labels the cluster service finds its members by, and its node. */
    private void startPod(String pod) throws Exception {
        // Camel counts only running and ready Pods as members
        kubernetes.pods().inNamespace(NAMESPACE).resource(new PodBuilder().withNewMetadata().withName(pod)
                .withNamespace(NAMESPACE).withLabels(LABELS).endMetadata()
                .withNewStatus().withPhase("Running")
                .addNewCondition().withType("Ready").withStatus("True").endCondition()
                .addNewContainerStatus().withName("app").withReady(true).withNewState().withNewRunning()
                .endRunning().endState().endContainerStatus()
                .endStatus().build()).create();
        KubernetesConfiguration configuration = new KubernetesConfiguration();
        configuration.setKubernetesClient(apiServer.createClient()); // each node its own: a stopping node closes it
        KubernetesClusterService cluster = new KubernetesClusterService(configuration);
        cluster.setKubernetesNamespace(NAMESPACE);
        cluster.setKubernetesResourcesNamespace(NAMESPACE);
        cluster.setPodName(pod);
        cluster.setClusterLabels(LABELS);
        cluster.setLeaseResourceType(LeaseResourceType.Lease);
        cluster.setKubernetesResourceName("bigmarker-leaders");
        // Camel's defaults are 15 s / 10 s / 2 s: shortened for the test, in the same proportions
        cluster.setLeaseDurationMillis(LEASE_DURATION_MILLIS);
        cluster.setRenewDeadlineMillis(2000);
        cluster.setRetryPeriodMillis(400);
        nodes.start(pod, cluster);
    }

    private void markUnready(String pod) {
        kubernetes.pods().inNamespace(NAMESPACE).withName(pod).edit(running -> new PodBuilder(running).editStatus()
                .withConditions(new PodConditionBuilder().withType("Ready").withStatus("False").build())
                .endStatus().build());
    }

    private void deletePod(String pod) {
        kubernetes.pods().inNamespace(NAMESPACE).withName(pod).delete();
    }

    private void startTwoPods() throws Exception {
        startPod("node-a");
        startPod("node-b");
    }

    @Test
    void whenTheLeaderStopsAndItsPodIsDeletedTheOtherNodeTakesOverAndNothingIsLostOrRepeated() throws Exception {
        startTwoPods();

        ClusterNodes.Outcome outcome = nodes.afterFault(leader -> {
            nodes.stop(leader);
            deletePod(leader);
        }, true, Duration.ofSeconds(1)).report("Kubernetes, leader stopped and its Pod deleted");

        assertThat(outcome.deliveredPerNode()).as("both nodes delivered: the second after the takeover").hasSize(2);
    }

    /**
     * The leader's CamelContext stops inside a Pod that stays (a crash with a container restart): Camel's Kubernetes
     * service does not take a lease over from a Pod that is still running and ready, however old the lease (no
     * takeover within a minute was seen), so the Pod's readiness must follow the CamelContext (Camel's readiness
     * health check as the probe, docs/high-availability.md). Once the probe marks the Pod unready, another node
     * takes over.
     */
    @Test
    void whenTheLeaderStopsAndItsPodTurnsUnreadyTheOtherNodeTakesOverAndNothingIsLostOrRepeated() throws Exception {
        startTwoPods();

        ClusterNodes.Outcome outcome = nodes.afterFault(leader -> {
            nodes.stop(leader);
            markUnready(leader); // what a readiness probe on Camel's health endpoint does next
        }, true, Duration.ofSeconds(1)).report("Kubernetes, leader stopped and its Pod marked unready");

        assertThat(outcome.deliveredPerNode()).hasSize(2);
    }

    /**
     * The leader's Pod deleted while the leader still runs (it has not noticed yet: a slow shutdown, a node cut off
     * from the API server): the other node takes over, and each registration still reaches one route only.
     */
    @Test
    void whenTheLeadersPodIsDeletedUnderItTheOtherNodeTakesOverAndNothingIsRepeated() throws Exception {
        startTwoPods();

        ClusterNodes.Outcome outcome = nodes.afterFault(this::deletePod, true, Duration.ofSeconds(3))
                .report("Kubernetes, leader's Pod deleted under it");

        assertThat(outcome.formerLeaderStillLeads()).as("the former leader saw its Pod gone").isFalse();
    }
}
