package org.camelbigmarker.consumer.feed;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camelbigmarker.BigMarkerConstants;
import org.camelbigmarker.BigMarkerOperation;
import org.camelbigmarker.OutputType;
import org.camelbigmarker.api.JsonSupport;
import org.camelbigmarker.api.ResultMapper;
import org.camelbigmarker.consumer.delivery.DeliveryRound;
import org.camelbigmarker.consumer.delivery.Emitter;
import org.camelbigmarker.consumer.delivery.FeedItem;
import org.camelbigmarker.consumer.delivery.ItemStates;
import org.camelbigmarker.docshape.DocumentShapedBigMarker;
import org.camelbigmarker.state.MemoryConsumerStore;
import org.camelbigmarker.testing.Callers;
import org.camelbigmarker.testing.ImmediateEmitter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One report of one conference against the document-shaped server: rows, whole reports, not-yet-ready, done marks. */
class ReportReaderTest {

    private final MemoryConsumerStore store = new MemoryConsumerStore();
    private DocumentShapedBigMarker server;
    private ImmediateEmitter route;

    @BeforeEach
    void start() throws Exception {
        server = new DocumentShapedBigMarker();
        route = new ImmediateEmitter(store, server.clock());
    }

    @AfterEach
    void stop() throws Exception {
        route.close();
        server.close();
    }

    private ReportReader reader(boolean splitRows, Duration emptyReportWait) {
        return new ReportReader(Callers.to(server.baseUrl(), "k"), new ResultMapper(JsonSupport.mapper()),
                new ReportSettings(List.of(BigMarkerOperation.reportChats), splitRows, ItemIdentity.fields("id"),
                        OutputType.map, 10, emptyReportWait, Duration.ofMinutes(10), Duration.ZERO),
                new BigMarkerClock());
    }

    private long endedNow() {
        return server.clock().instant().getEpochSecond();
    }

    private boolean done(BigMarkerOperation report) {
        return route.items().alreadyDelivered(FeedState.reportDoneKey("c1", report));
    }

    @Test
    void rowsWithoutAnIdAreKeyedByContentAndOccurrenceSoIdenticalLinesAreTwoRows() throws Exception {
        server.chat("hello", "ann@example.com");
        server.chat("hello", "ann@example.com");
        server.chat("bye", "bob@example.com");
        ReportReader reader = reader(true, Duration.ZERO);
        ReportReader.Delivered first = reader.deliver(route, "c1", endedNow(), BigMarkerOperation.reportChats);
        assertThat(first).isEqualTo(ReportReader.Delivered.goOn(3));
        assertThat(route.keys()).doesNotHaveDuplicates().allSatisfy(key -> assertThat(key).contains("#sha256:"));
        assertThat(route.delivered).allSatisfy(row -> assertThat(row.headers())
                .containsEntry(BigMarkerConstants.REPORT, "reportChats").containsEntry(BigMarkerConstants.CONFERENCE_ID,
                        "c1"));
        assertThat(done(BigMarkerOperation.reportChats)).as("settled: no wait for an empty report").isTrue();
        assertThat(reader.deliver(route, "c1", endedNow(), BigMarkerOperation.reportChats).emitted()).isZero();
    }

    @Test
    void aReportThatIsNotThereYetIsNotDoneAndComesLater() throws Exception {
        server.chatReportMissingUntil(server.clock().instant().plusSeconds(600));
        server.chat("hello", "ann@example.com");
        ReportReader reader = reader(true, Duration.ofMinutes(30));
        long ended = endedNow();
        assertThat(reader.deliver(route, "c1", ended, BigMarkerOperation.reportChats)).isEqualTo(
                ReportReader.Delivered.goOn(0));
        assertThat(done(BigMarkerOperation.reportChats)).isFalse();
        server.clock().advance(Duration.ofMinutes(11));
        assertThat(reader.deliver(route, "c1", ended, BigMarkerOperation.reportChats).emitted()).isEqualTo(1);
        assertThat(done(BigMarkerOperation.reportChats)).as("rows may still come until emptyReportWait").isFalse();
        server.clock().advance(Duration.ofMinutes(20));
        reader.deliver(route, "c1", ended, BigMarkerOperation.reportChats);
        assertThat(done(BigMarkerOperation.reportChats)).isTrue();
    }

    @Test
    void aWholeReportIsOneExchangeDeliveredOnceItHasContent() throws Exception {
        ReportReader reader = reader(false, Duration.ofMinutes(30));
        long ended = endedNow();
        assertThat(reader.deliver(route, "c1", ended, BigMarkerOperation.reportChats).emitted()).isZero();
        server.chat("hello", "ann@example.com");
        server.chat("bye", "bob@example.com");
        assertThat(reader.deliver(route, "c1", ended, BigMarkerOperation.reportChats).emitted()).isEqualTo(1);
        assertThat(route.delivered).singleElement().satisfies(whole -> assertThat((List<?>) whole.body()).hasSize(2));
        assertThat(done(BigMarkerOperation.reportChats)).isTrue();
    }

    @Test
    void anEmptySummaryIsNeverDeliveredAsData() throws Exception {
        ReportReader reader = new ReportReader(Callers.to(server.baseUrl(), "k"), new ResultMapper(JsonSupport.mapper()),
                new ReportSettings(List.of(BigMarkerOperation.reportEventSummary), true, ItemIdentity.fields("id"),
                        OutputType.map, 10, Duration.ZERO, Duration.ofMinutes(10), Duration.ZERO), new BigMarkerClock());
        assertThat(reader.deliver(route, "c1", endedNow(), BigMarkerOperation.reportEventSummary).emitted()).isZero();
        assertThat(route.delivered).isEmpty();
        server.eventSummary(Map.of("attendees", 12));
        assertThat(reader.deliver(route, "c1", endedNow(), BigMarkerOperation.reportEventSummary).emitted()).isEqualTo(1);
    }

    @Test
    void whenThePollMayTakeNoMoreTheReaderSaysSoAndTheReportIsNotDone() throws Exception {
        server.chat("hello", "ann@example.com");
        Emitter full = new Emitter() {
            @Override
            public DeliveryRound newRound(Runnable progress) {
                return route.newRound(progress);
            }

            @Override
            public boolean emit(List<FeedItem> items, DeliveryRound round) {
                return false; // maxMessagesPerPoll used up
            }

            @Override
            public ItemStates items() {
                return route.items();
            }
        };
        ReportReader.Delivered delivered = reader(true, Duration.ZERO).deliver(full, "c1", endedNow(),
                BigMarkerOperation.reportChats);
        assertThat(delivered.pollGoesOn()).isFalse();
        assertThat(done(BigMarkerOperation.reportChats)).isFalse();
    }
}
