package org.camelbigmarker.consumer;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Future;

import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceHelper;
import org.camelbigmarker.BigMarkerConfiguration;
import org.camelbigmarker.consumer.delivery.DeliveryLedger;
import org.camelbigmarker.consumer.feed.FeedState;
import org.camelbigmarker.metrics.ConsumerMeters;
import org.camelbigmarker.state.ConsumerStore;

/**
 * A consumer's session on its store, opened at start and closed at stop as one: its store (chosen from the options, and stopped only when
 * the consumer made it), the store's format checked, the typed state over it, the delivery ledger, and the task (on the
 * component's background executor) that keeps the ledger's claims alive while items are in flight.
 */
final class StoreSession {

    private final ConsumerStore store;
    private final BigMarkerConfiguration configuration;
    private final FeedState state;
    private final DeliveryLedger ledger;
    private final Future<?> claimRenewal;

    private StoreSession(ConsumerStore store, FeedState state, BigMarkerConfiguration configuration,
                         DeliveryLedger ledger, Future<?> claimRenewal) {
        this.store = store;
        this.configuration = configuration;
        this.state = state;
        this.ledger = ledger;
        this.claimRenewal = claimRenewal;
    }

    /** Starts the store, checks that it is of this version's format and can record, and starts the ledger. */
    static StoreSession open(ConsumerSetup setup, CamelContext camel, BigMarkerConsumer consumer,
                             ConsumerMeters meters) throws Exception {
        BigMarkerConfiguration configuration = setup.configuration();
        ConsumerStore store = StoreSelection.of(configuration);
        ServiceHelper.startService(store);
        FeedState state = new FeedState(store);
        state.checkFormat();
        DeliveryLedger ledger = new DeliveryLedger(store, setup.clock(),
                Duration.ofSeconds(configuration.getClaimTimeout()), configuration.getMaxDeliveryAttempts(),
                consumer::getExceptionHandler);
        ledger.checkStoreRecords(FeedState.PROBE_KEY);
        ledger.countIn(meters);
        // on the component's one background executor: threads do not grow with the number of consumers
        Future<?> renewal = ledger.keepClaimsAlive(setup.background().get());
        StoreSelection.warnIfSharedUnsafely(camel.getRoute(consumer.getRouteId()), store);
        return new StoreSession(store, state, configuration, ledger, renewal);
    }

    FeedState state() {
        return state;
    }

    ConsumerStore store() {
        return store;
    }

    DeliveryLedger ledger() {
        return ledger;
    }

    /** Records what completed, stops the timer, and stops the store when the consumer made it. */
    void close() throws Exception {
        claimRenewal.cancel(false);
        ledger.record();
        if (StoreSelection.ownedByTheConsumer(configuration)) {
            ServiceHelper.stopService(store);
        }
    }

    /** For operators: the store's kind and size, and the items in flight. */
    Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("inFlight", ledger.inFlightCount());
        status.put("store", store.getClass().getSimpleName());
        status.put("deliveredKeysInStore", store.deliveredCount());
        return status;
    }
}
