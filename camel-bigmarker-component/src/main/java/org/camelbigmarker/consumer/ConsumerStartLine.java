package org.camelbigmarker.consumer;

import java.util.ArrayList;
import java.util.List;

import org.camelbigmarker.BigMarkerConfiguration;
import org.camelbigmarker.state.ConsumerStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one INFO line a consumer logs at start: what it watches, how often, where it keeps its state, where it starts. */
final class ConsumerStartLine {

    private static final Logger LOG = LoggerFactory.getLogger(ConsumerStartLine.class);

    private ConsumerStartLine() {
    }

    static void log(String routeId, ConsumerKind kind, BigMarkerConfiguration options, long delayMillis,
                    ConsumerStore store) {
        LOG.info(of(routeId, kind, options, delayMillis, store));
    }

    static String of(String routeId, ConsumerKind kind, BigMarkerConfiguration options, long delayMillis,
                     ConsumerStore store) {
        List<String> scope = new ArrayList<>();
        if (options.getConferenceId() != null) {
            scope.add("conference " + options.getConferenceId());
        }
        if (options.getChannelId() != null) {
            scope.add("channel " + options.getChannelId());
        }
        return "BigMarker consumer of route " + routeId + ": " + kind.describe() + " of "
               + (scope.isEmpty() ? kind.scope().description().replace("`", "") : String.join(", ", scope))
               + ", polls every " + delayMillis / 1000.0 + " s" + (options.isWebhook() ? " beside its webhook" : "")
               + ", store " + store.getClass().getSimpleName() + ", starts from " + options.getStartFrom()
               + " where the store holds no state";
    }
}
