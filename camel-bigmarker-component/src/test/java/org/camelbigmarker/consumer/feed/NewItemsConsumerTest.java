package org.camelbigmarker.consumer.feed;

import org.camelbigmarker.BigMarkerConstants;
import org.camelbigmarker.testing.ConsumerHarness;
import org.camelbigmarker.testing.ConsumerTestSupport;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.camelbigmarker.sandbox.BigMarkerSandbox.Fault;
import org.camelbigmarker.model.Registration;
import org.camelbigmarker.sandbox.BigMarkerSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * New registrations of one conference: every registration the server holds is delivered exactly once, across
 * polls, route failures, injected faults, restarts with durable state; an idle poll costs one request.
 * {@link BigMarkerSandbox#advance} ages the data already stored, so it stands for time passing before later events.
 */
class NewItemsConsumerTest extends ConsumerTestSupport {

    private static final String REGISTRATIONS = "registrations?operation=listRegistrations&conferenceId=c1"
                                                + "&param.per_page=5";


    @Test
    void deliversEveryRegistrationOnceAcrossPolls() throws Exception {
        List<String> expected = new ArrayList<>(server.register("c1", 12));
        server.register("other", 3);
        ConsumerHarness feed = harness(REGISTRATIONS);
        feed.poll();
        assertThat(feed.emails()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(feed.delivered.get(0).getMessage().getBody()).isInstanceOf(Registration.class);
        assertThat(feed.delivered.get(0).getMessage().getHeader(BigMarkerConstants.CONFERENCE_ID)).isEqualTo("c1");

        server.advance(60);
        feed.poll();
        assertThat(feed.emails()).hasSize(12);

        server.advance(60);
        expected.addAll(server.register("c1", 3));
        feed.poll();
        assertThat(feed.emails()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void theDefaultStoreForgetsNothingOnALargeChannel() throws Exception {
        List<String> expected = server.register("c1", 3000);
        ConsumerHarness feed = harness("registrations?operation=listRegistrations&conferenceId=c1&param.per_page=500"
                                       + "&maxRetries=0");
        server.failNextQuery("&page=5", Fault.SERVER_ERROR, 1);
        feed.poll(); // 2000 delivered, then the poll fails: the next one reads everything again
        feed.poll();
        assertThat(feed.emails()).hasSize(3000).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void listsWithoutTotalsAreReadToTheirLastPage() throws Exception {
        server.withoutTotals(); // as the document shows the registrant lists
        List<String> expected = server.register("c1", 12);
        ConsumerHarness feed = harness(REGISTRATIONS);
        feed.poll();
        feed.poll();
        assertThat(feed.emails()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void withoutTotalsItemsThatMoveWhileAPollReadsComeWithTheReconciliation() throws Exception {
        server.withoutTotals();
        List<String> expected = server.register("c1", 12);
        List<String> pageOne = server.registrations("c1").subList(0, 5);
        ConsumerHarness feed = drivenHarness(REGISTRATIONS + "&reconcileInterval=1");
        feed.onFirstDelivery(() -> pageOne.subList(0, 3).forEach(email -> server.unregister("c1", email)));
        feed.poll();
        assertThat(feed.emails()).as("three skipped, and without totals nothing shows it").hasSize(9);
        server.advance(10_000); // beyond the overlap
        localClock.advance(java.time.Duration.ofMillis(1100)); // the reconciliation is due
        feed.poll(); // the reconciliation reads the horizon again
        assertThat(feed.emails()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void itemsThatMoveWhileAPollReadsArePickedUpByTheNext() throws Exception {
        List<String> expected = server.register("c1", 12);
        List<String> pageOne = server.registrations("c1").subList(0, 5); // the order the list is served in
        ConsumerHarness feed = harness(REGISTRATIONS);
        // while page 1 is processed, three of its items are deleted: the rest move up, page 2 starts three later
        feed.onFirstDelivery(() -> pageOne.subList(0, 3).forEach(email -> server.unregister("c1", email)));
        feed.poll();
        assertThat(feed.emails()).as("three were skipped by the moving pages").hasSize(9);
        server.advance(10_000); // beyond the overlap: only a cursor that did not move finds them
        feed.poll();
        assertThat(feed.emails()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void anIdlePollCostsOneRequest() throws Exception {
        server.register("c1", 12);
        ConsumerHarness feed = harness(REGISTRATIONS);
        feed.poll();
        server.advance(600);
        int before = server.requestCount();
        feed.poll();
        assertThat(server.requestCount() - before).isEqualTo(1);
        assertThat(server.requests().get(server.requestCount() - 1)).contains("start_time=");
    }

    @Test
    void aLateIndexedRegistrationIsCaughtByTheOverlap() throws Exception {
        server.register("c1", 2);
        ConsumerHarness feed = harness(REGISTRATIONS);
        feed.poll();
        server.advance(30);
        String late = server.registerLate("c1", 120);
        feed.poll();
        assertThat(feed.emails()).hasSize(3).contains(late);
    }

    @Test
    void anItemWhoseExchangeFailedIsDeliveredAgainEvenAfterTheCursorWouldHavePassedIt() throws Exception {
        List<String> expected = server.register("c1", 7);
        ConsumerHarness feed = harness(REGISTRATIONS);
        feed.failOnceFor(expected.get(3));
        feed.poll();
        assertThat(feed.emails()).hasSize(6).doesNotContain(expected.get(3));
        server.advance(10_000); // far beyond the overlap: only an unmoved cursor finds the item again
        feed.poll();
        assertThat(feed.emails()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = { "SERVER_ERROR", "UNAVAILABLE", "THROTTLED", "RESET", "MALFORMED_JSON", "SLOW" })
    void aFaultInTheMiddleOfPagingLosesNothingAndDuplicatesNothing(Fault fault) throws Exception {
        List<String> expected = server.register("c1", 12);
        ConsumerHarness feed = harness(REGISTRATIONS + "&maxRetries=0&responseTimeout=700");
        server.failNextQuery("page=2", fault, 1);
        feed.poll();
        assertThat(feed.emails()).as("page 1 delivered before the fault").hasSize(5);
        assertThat(feed.consumer().getErrorCounter()).as("the poll failed").isEqualTo(1);
        server.advance(10_000);
        feed.poll();
        feed.poll();
        assertThat(feed.emails()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void faultsAreRetriedInsideAPollByDefault() throws Exception {
        List<String> expected = server.register("c1", 12);
        ConsumerHarness feed = harness(REGISTRATIONS);
        server.failNextQuery("page=1", Fault.THROTTLED, 1);
        server.failNextQuery("page=2", Fault.UNAVAILABLE, 1);
        server.failNextQuery("page=3", Fault.RESET, 1);
        feed.poll();
        assertThat(feed.emails()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(feed.consumer().getErrorCounter()).isZero();
    }

    @Test
    void aRestartWithDurableStateResumesWithoutLossOrDuplicates(@TempDir Path state) throws Exception {
        List<String> expected = new ArrayList<>(server.register("c1", 10));
        String options = REGISTRATIONS + "&idempotentRepository=#delivered&stateRepository=#cursors";
        File deliveredFile = state.resolve("delivered.dat").toFile();
        File cursorFile = state.resolve("cursors.dat").toFile();
        ConsumerHarness first = harness(options, "delivered", FileIdempotentRepository.fileIdempotentRepository(
                deliveredFile, 100_000), "cursors", FileStateRepository.fileStateRepository(cursorFile));
        first.poll();
        List<String> deliveredBefore = first.emails();
        first.close();

        server.advance(3600);
        expected.addAll(server.register("c1", 5));
        ConsumerHarness second = harness(options, "delivered", FileIdempotentRepository.fileIdempotentRepository(
                deliveredFile, 100_000), "cursors", FileStateRepository.fileStateRepository(cursorFile));
        int before = server.requestCount();
        second.poll();
        assertThat(server.requests().subList(before, server.requestCount()))
                .as("resumed from the saved cursor").allSatisfy(request -> assertThat(request).contains("start_time="));
        List<String> all = new ArrayList<>(deliveredBefore);
        all.addAll(second.emails());
        assertThat(second.emails()).hasSize(5);
        assertThat(all).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void startFromNowDeliversOnlyWhatArrivesAfterTheStart() throws Exception {
        server.register("c1", 10);
        ConsumerHarness feed = harness(REGISTRATIONS + "&startFrom=now&overlap=0");
        feed.poll();
        assertThat(feed.emails()).isEmpty();
        server.advance(5);
        List<String> fresh = server.register("c1", 3);
        feed.poll();
        assertThat(feed.emails()).containsExactlyInAnyOrderElementsOf(fresh);
    }

    @Test
    void startFromATimeDeliversWhatArrivedSince() throws Exception {
        server.register("c1", 4);
        server.advance(1000);
        long since = server.now().getEpochSecond();
        List<String> recent = server.register("c1", 2);
        ConsumerHarness feed = harness(REGISTRATIONS + "&startFrom=" + since + "&overlap=0");
        feed.poll();
        assertThat(feed.emails()).containsExactlyInAnyOrderElementsOf(recent);
    }

    @Test
    void maxMessagesPerPollSpreadsDeliveryWithoutSkipping() throws Exception {
        List<String> expected = server.register("c1", 10);
        ConsumerHarness feed = harness(REGISTRATIONS + "&maxMessagesPerPoll=4");
        feed.poll();
        assertThat(feed.emails()).hasSize(4);
        assertThat(feed.delivered.get(3).getProperty("CamelBatchComplete")).isEqualTo(true);
        server.advance(10_000);
        feed.poll();
        assertThat(feed.emails()).hasSize(8);
        feed.poll();
        feed.poll();
        assertThat(feed.emails()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void channelRegistrantsAreDeliveredOncePerRegistration() throws Exception {
        List<String> expected = new ArrayList<>(server.register("c1", 3));
        expected.addAll(server.register("c2", 4));
        ConsumerHarness feed = harness("registrations?operation=listChannelRegistrations&channelId=" + server.channel());
        feed.poll();
        feed.poll();
        assertThat(feed.emails()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(feed.conferenceIds()).contains("c1", "c2");
    }

    @Test
    void aStopInTheMiddleOfABatchLeavesTheRestForTheNextStart(@TempDir Path state) throws Exception {
        List<String> expected = server.register("c1", 10);
        String options = REGISTRATIONS.replace("per_page=5", "per_page=10")
                         + "&idempotentRepository=#delivered&stateRepository=#cursors";
        File deliveredFile = state.resolve("delivered.dat").toFile();
        File cursorFile = state.resolve("cursors.dat").toFile();
        ConsumerHarness first = harness(options, "delivered", FileIdempotentRepository.fileIdempotentRepository(
                deliveredFile, 1000), "cursors", FileStateRepository.fileStateRepository(cursorFile));
        first.camel.getShutdownStrategy().setTimeout(10);
        java.util.concurrent.CountDownLatch twoDone = new java.util.concurrent.CountDownLatch(2);
        first.slowDown(200, twoDone);
        Thread poller = new Thread(first::poll);
        poller.start();
        assertThat(twoDone.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        first.close(); // graceful: the exchange in progress finishes, the rest of the batch is not started
        poller.join(10_000);
        List<String> deliveredBefore = first.emails();
        assertThat(deliveredBefore).hasSizeBetween(2, 9);

        ConsumerHarness second = harness(options, "delivered", FileIdempotentRepository.fileIdempotentRepository(
                deliveredFile, 1000), "cursors", FileStateRepository.fileStateRepository(cursorFile));
        second.poll();
        List<String> all = new ArrayList<>(deliveredBefore);
        all.addAll(second.emails());
        assertThat(all).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void withBridgeErrorHandlerAFailedPollReachesTheRoutesErrorHandler() throws Exception {
        server.register("c1", 1);
        server.failNext("/registrations/", Fault.UNAUTHORIZED, 1);
        List<Throwable> handled = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Object> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (org.apache.camel.CamelContext camel = new org.apache.camel.impl.DefaultCamelContext()) {
            camel.addRoutes(new org.apache.camel.builder.RouteBuilder() {
                @Override
                public void configure() {
                    onException(org.camelbigmarker.client.BigMarkerApiException.class).handled(true)
                            .process(e -> handled.add(e.getProperty(org.apache.camel.Exchange.EXCEPTION_CAUGHT,
                                    Throwable.class)));
                    from("bigmarker:" + REGISTRATIONS + "&bridgeErrorHandler=true&initialDelay=0&delay=50&apiKey="
                         + BigMarkerSandbox.API_KEY + "&baseUrl=" + server.baseUrl() + "&allowPlainHttp=true")
                            .process(e -> received.add(e.getMessage().getBody()));
                }
            });
            camel.start();
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> !handled.isEmpty() && !received.isEmpty());
        }
        assertThat(handled.get(0)).hasMessageContaining("HTTP 401");
        assertThat(received).hasSize(1);
    }

    @Test
    void aConsumerWithoutItsRequiredParameterFailsAtStart() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> harness("registrations?operation=listRegistrations"))
                .hasStackTraceContaining("conference_id");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> harness("conferences?operation=showConference"
                                                                         + "&conferenceId=c1"))
                .hasStackTraceContaining("does not return a list");
        assertThat(server.requestCount()).isZero();
    }
}
