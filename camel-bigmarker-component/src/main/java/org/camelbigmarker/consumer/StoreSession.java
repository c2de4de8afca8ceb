package org.camelbigmarker.consumer;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.support.service.ServiceHelper;
import org.camelbigmarker.BigMarkerConfiguration;
import org.camelbigmarker.consumer.delivery.DeliveryLedger;
import org.camelbigmarker.consumer.feed.FeedState;
import org.camelbigmarker.state.ConsumerStore;

/**
 * A consumer's session on its store, opened at start and closed at stop as one: its store (chosen from the options, and stopped only when
 * the consumer made it), the store's format checked, the typed state over it, the delivery ledger, and the timer that
 * keeps the ledger's claims alive while items are in flight.
 */
final class StoreSession {

    private final ConsumerStore store;
    private final BigMarkerConfiguration configuration;
    private final ExecutorServiceManager executors;
    private final FeedState state;
    private final DeliveryLedger ledger;
    private final ScheduledExecutorService claimRenewal;

    private StoreSession(ConsumerStore store, FeedState state, BigMarkerConfiguration configuration,
                            ExecutorServiceManager executors, DeliveryLedger ledger,
                            ScheduledExecutorService claimRenewal) {
        this.store = store;
        this.configuration = configuration;
        this.executors = executors;
        this.state = state;
        this.ledger = ledger;
        this.claimRenewal = claimRenewal;
    }

    /** Starts the store, checks that it is of this version's format and can record, and starts the ledger. */
    static StoreSession open(ConsumerSetup setup, CamelContext camel, BigMarkerConsumer consumer) throws Exception {
        BigMarkerConfiguration configuration = setup.configuration();
        ConsumerStore store = StoreSelection.of(configuration);
        ServiceHelper.startService(store);
        FeedState state = new FeedState(store);
        state.checkFormat();
        DeliveryLedger ledger = new DeliveryLedger(store, setup.clock(),
                Duration.ofSeconds(configuration.getClaimTimeout()), configuration.getMaxDeliveryAttempts(),
                consumer::getExceptionHandler);
        ledger.checkStoreRecords(FeedState.PROBE_KEY);
        ExecutorServiceManager executors = camel.getExecutorServiceManager();
        ScheduledExecutorService renewal = executors.newSingleThreadScheduledExecutor(consumer,
                "BigMarkerClaimRenewal");
        ledger.keepClaimsAlive(renewal);
        StoreSelection.warnIfSharedUnsafely(camel.getRoute(consumer.getRouteId()), store);
        return new StoreSession(store, state, configuration, executors, ledger, renewal);
    }

    FeedState state() {
        return state;
    }

    DeliveryLedger ledger() {
        return ledger;
    }

    /** Records what completed, stops the timer, and stops the store when the consumer made it. */
    void close() throws Exception {
        executors.shutdown(claimRenewal);
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
