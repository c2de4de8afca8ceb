package org.camelbigmarker.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A webhook request's fate is named once: the meter's tags, the health check's details and the docs all read
 * {@link WebhookPush}.
 */
class WebhookPushTest {

    private final MeterBoard board = new MeterBoard();
    private final ConsumerMeters meters = new ConsumerMeters(board, "route", "NEW_REGISTRATIONS", Clock.systemUTC(),
            true);

    @Test
    void aPushIsCountedUnderTheTagsTheMetersDescriptionNamesAndReadBackUnderItsDetailName() {
        meters.webhookPush(WebhookPush.STOPPING);
        meters.webhookPush(WebhookPush.WRONG_TOKEN);
        meters.webhookPush(WebhookPush.WRONG_TOKEN);

        assertThat(board.series()).filteredOn(series -> series.meter() == BigMarkerMeter.WEBHOOK_PUSHES)
                .extracting(MeterBoard.Series::tags)
                .containsExactlyInAnyOrder(
                        Map.of("routeId", "route", "kind", "NEW_REGISTRATIONS", "result", "accepted", "reason",
                                "stopping"),
                        Map.of("routeId", "route", "kind", "NEW_REGISTRATIONS", "result", "refused", "reason",
                                "wrong_token"));
        assertThat(meters.webhookPushes()).as("only what happened")
                .containsExactly(Map.entry("receivedStopping", 1L), Map.entry("refusedWrongToken", 2L));
        for (WebhookPush push : WebhookPush.values()) {
            assertThat(BigMarkerMeter.WEBHOOK_PUSHES.description()).contains(push.reason());
        }
    }

    @Test
    void theOperationsPageNamesEveryHealthDetail() throws IOException {
        String page = Files.readString(Path.of("..", "docs", "operations.md"), StandardCharsets.UTF_8);
        for (WebhookPush push : WebhookPush.values()) {
            assertThat(page).as("docs/operations.md's webhook health check").contains("`" + push.detailName() + "`");
        }
    }
}
