package org.camelbigmarker.consumer.feed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.camelbigmarker.BigMarkerConfiguration;
import org.camelbigmarker.BigMarkerGroup;
import org.camelbigmarker.BigMarkerOperation;
import org.camelbigmarker.OutputType;
import org.camelbigmarker.consumer.ConsumerKind;
import org.camelbigmarker.operation.InvalidParameterException;

/**
 * The options of the reports consumer, read once from the endpoint's configuration (which also holds every other
 * option, since Camel's metadata lists an endpoint's options flat), so that its classes depend on these alone.
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

    /** Every report of the API: the operations of the reporting group, as the operation table has them. */
    static final List<BigMarkerOperation> ALL_REPORTS = BigMarkerOperation.of(BigMarkerGroup.reporting);

    static ReportSettings of(BigMarkerConfiguration configuration) {
        return new ReportSettings(parseReports(configuration.getReports()), configuration.isSplitReportRows(),
                ConsumerKind.REPORTS.identity(configuration),
                configuration.getOutputType(), configuration.getMaxPages(),
                Duration.ofSeconds(configuration.getEmptyReportWait()),
                Duration.ofSeconds(configuration.getReportRecheckInterval()),
                Duration.ofHours(configuration.getOnDemandWindowHours()));
    }

    private static List<BigMarkerOperation> parseReports(String option) {
        if (option == null || option.isBlank()) {
            return ALL_REPORTS;
        }
        List<BigMarkerOperation> chosen = new ArrayList<>();
        for (String name : option.trim().split("\\s*,\\s*")) {
            BigMarkerOperation operation = ALL_REPORTS.stream().filter(r -> r.name().equals(name)).findFirst()
                    .orElseThrow(() -> new InvalidParameterException("reports", "'" + name + "' is not a report; use"
                                                                                + " some of " + ALL_REPORTS));
            chosen.add(operation);
        }
        return chosen;
    }
}
