package org.camelbigmarker.consumer.feed;

import java.time.Duration;
import java.util.List;

import org.camelbigmarker.BigMarkerOperation;
import org.camelbigmarker.OutputType;

/**
 * The options of the reports consumer, read once from the endpoint's options when the consumer starts, so that its
 * classes depend on these alone.
 *
 * @param reports         the reports to deliver
 * @param splitRows       one exchange per row (true) or per report
 * @param rowIdentity     what makes a row the same row ("id" unless the identity option says otherwise)
 * @param emptyReportWait how long an empty report may still be filling after its conference was seen ended
 * @param recheckInterval when a conference whose reports had nothing new is read again
 * @param onDemandWindow  how long new on-demand attendees are looked for
 */
public record ReportSettings(List<BigMarkerOperation> reports, boolean splitRows, ItemIdentity rowIdentity,
        OutputType outputType, int maxPages, Duration emptyReportWait, Duration recheckInterval,
        Duration onDemandWindow) {

    /** The same, with rows keyed by {@code identity} (as the store's format spells it). */
    ReportSettings withRowIdentity(ItemIdentity identity) {
        return new ReportSettings(reports, splitRows, identity, outputType, maxPages, emptyReportWait, recheckInterval,
                onDemandWindow);
    }
}
