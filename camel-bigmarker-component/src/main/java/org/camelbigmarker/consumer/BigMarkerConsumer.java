package org.camelbigmarker.consumer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.Synchronization;
import org.apache.camel.support.EmptyAsyncCallback;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.ObjectHelper;
import org.camelbigmarker.BigMarkerConfiguration;
import org.camelbigmarker.BigMarkerConstants;
import org.camelbigmarker.BigMarkerEndpoint;
import org.camelbigmarker.client.BigMarkerApiException;
import org.camelbigmarker.state.CamelRepositoriesStore;
import org.camelbigmarker.state.ConsumerStore;
import org.camelbigmarker.state.MemoryConsumerStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a {@link Feed} and delivers each new item as its own exchange, at least once and, through the
 * {@link ConsumerStore}, once in effect: an item's key is recorded only when its exchange completed successfully; a
 * failed exchange leaves it out, so the next poll delivers it again. An item still being delivered (an asynchronous
 * route) is not sent again by a later poll, and holds back that poll's progress (its cursor, a report marked done)
 * until its exchange ends: progress never gets ahead of an item whose delivery is not confirmed.
 * <p>
 * Completed items are written to the store a page at a time, in one transaction, and always before any progress
 * step runs: a cursor never moves past a key that is not recorded.
 */
public class BigMarkerConsumer extends ScheduledBatchPollingConsumer implements Emitter {

    private static final Logger LOG = LoggerFactory.getLogger(BigMarkerConsumer.class);

    private final BigMarkerEndpoint endpoint;
    /** Items being delivered, each with the rounds waiting for it (its own, and later polls' that met it again). */
    private final Map<String, List<DeliveryRound>> inFlight = new ConcurrentHashMap<>();
    /** Items whose exchange completed, not yet written to the store. */
    private final Set<String> completedUnrecorded = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> failedAttempts = new ConcurrentHashMap<>();
    /** This consumer, as the store's claims name it: one per consumer instance, so two nodes never share one. */
    private final String node = UUID.randomUUID().toString();
    private ConsumerStore store;
    private Feed feed;
    private int emittedThisPoll;
    private volatile Instant quietUntil;
    private volatile Instant lastPollAt;
    private WebhookRoute webhookRoute;

    public BigMarkerConsumer(BigMarkerEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        store = storeOf(endpoint.getConfiguration());
        ServiceHelper.startService(store);
        StateKeys.checkFormat(store);
        warnIfSharedUnsafely();
        feed = Feeds.create(endpoint, store);
        super.doStart();
        if (endpoint.getConfiguration().isWebhook()) {
            webhookRoute = WebhookRoute.start(endpoint, getRouteId(), feed, store, this::deliverPushed);
        }
    }

    /**
     * The consumerStore option; else Camel repositories given as idempotentRepository and stateRepository (a memory
     * one for the other); else memory. Not Camel's default memory repository: its LRU keeps 1000 keys, and a poll
     * that must read a large list again would deliver the forgotten ones twice.
     */
    private static ConsumerStore storeOf(BigMarkerConfiguration configuration) throws Exception {
        if (configuration.getConsumerStore() != null) {
            return configuration.getConsumerStore();
        }
        IdempotentRepository keys = configuration.getIdempotentRepository();
        StateRepository<String, String> state = configuration.getStateRepository();
        if (keys == null && state == null) {
            return new MemoryConsumerStore();
        }
        keys = keys != null ? keys : new MemoryIdempotentRepository(new HashMap<>());
        state = state != null ? state : new MemoryStateRepository();
        ServiceHelper.startService(keys, state);
        return new CamelRepositoriesStore(keys, state);
    }

    /**
     * Under a cluster route policy several nodes run this consumer, one at a time, on what should be one shared store.
     * A store that keeps a copy in memory or rewrites documents whole (memory, Camel's repositories) cannot be shared:
     * a node that leads again would work from, or write back, what it had.
     */
    private void warnIfSharedUnsafely() {
        Route route = getEndpoint().getCamelContext().getRoute(getRouteId());
        boolean clustered = route != null && route.getRoutePolicyList().stream()
                .anyMatch(policy -> policy.getClass().getSimpleName().contains("Cluster"));
        if (clustered && !store.shareable()) {
            LOG.warn("The BigMarker consumer of route {} runs under a cluster policy with a {}, which nodes cannot"
                     + " share safely: give every node a JdbcConsumerStore on one database (consumerStore option),"
                     + " see docs/consumers.md", getRouteId(), store.getClass().getSimpleName());
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (webhookRoute != null) {
            webhookRoute.stop();
            webhookRoute = null;
        }
        super.doStop();
        recordCompleted();
        if (endpoint.getConfiguration().getConsumerStore() == null) {
            ServiceHelper.stopService(store);
        }
    }

    /**
     * One poll of the feed; none while BigMarker's last Retry-After has not passed: a 429 asking for a minute of quiet
     * gets it, across polls, not only inside one.
     */
    @Override
    protected int poll() throws Exception {
        emittedThisPoll = 0;
        lastPollAt = Instant.now();
        Instant quiet = quietUntil;
        if (quiet != null && Instant.now().isBefore(quiet)) {
            return 0;
        }
        try {
            if (webhookRoute != null) {
                webhookRoute.registerNewConferences(); // a channel's conferences created since the last poll
            }
            return feed.poll(this);
        } catch (BigMarkerApiException failure) {
            if (failure.isThrottled() && failure.getRetryAfterMillis() > 0) {
                quietUntil = Instant.now().plusMillis(failure.getRetryAfterMillis());
            }
            addLastErrorDetail(HealthCheck.HTTP_RESPONSE_CODE, failure.getStatusCode());
            addLastErrorDetail("bigmarker.error", failure.getMessage());
            throw failure;
        } finally {
            recordCompleted();
        }
    }

    /**
     * Delivers an item that arrived by webhook, once, as a poll would (claimed in the store, recorded when its exchange
     * completed), and returns once that is decided, so that BigMarker gets its 2xx only then.
     */
    WebhookReceiver.Outcome deliverPushed(FeedItem item) throws Exception {
        if (!isRunAllowed() || isStopping() || isSuspendingOrSuspended()) {
            return WebhookReceiver.Outcome.STOPPING;
        }
        ItemState state = state(item.key());
        if (state == ItemState.DELIVERED) {
            return WebhookReceiver.Outcome.ALREADY_DELIVERED;
        }
        if (state == ItemState.IN_FLIGHT || store.claim(List.of(item.key()), node, Instant.now()
                .plusSeconds(endpoint.getConfiguration().getClaimTimeout()).getEpochSecond()).isEmpty()) {
            return WebhookReceiver.Outcome.DELIVERING_ELSEWHERE; // if that delivery fails, the poll brings it
        }
        Exchange exchange = exchangeFor(item, newRound(() -> {
        }));
        exchange.getMessage().setHeader(BigMarkerConstants.DELIVERED_BY, "webhook");
        getProcessor().process(exchange); // waits for the route, an asynchronous one too
        recordCompleted();
        // read from what the exchange's completion hooks recorded, not the exchange: it is released (and may be
        // reused by a pooled exchange factory) once its unit of work is done
        return state(item.key()) == ItemState.DELIVERED ? WebhookReceiver.Outcome.DELIVERED
                : WebhookReceiver.Outcome.ROUTE_FAILED;
    }

    /** Where this consumer stands, for the bigmarker dev console. */
    public Map<String, Object> status() {
        Map<String, Object> status = new java.util.LinkedHashMap<>();
        status.put("routeId", getRouteId());
        status.put("lastPollAt", lastPollAt == null ? null : lastPollAt.toString());
        status.put("polls", getCounter());
        status.put("failedPolls", getErrorCounter());
        Throwable lastError = getLastError();
        status.put("lastError", lastError == null ? null : lastError.getMessage());
        status.put("quietUntil", quietUntil == null ? null : quietUntil.toString());
        status.put("inFlight", inFlight.size());
        status.put("store", store == null ? null : store.getClass().getSimpleName());
        status.put("deliveredKeysInStore", store == null ? null : store.deliveredCount());
        status.put("progress", feed == null ? null : feed.progress());
        if (webhookRoute != null) {
            status.put("webhook", webhookRoute.status());
        }
        return status;
    }

    @Override
    public DeliveryRound newRound(Runnable progress) {
        return new DeliveryRound(() -> {
            recordCompleted(); // the keys first: a cursor never moves past a key that is not recorded
            progress.run();
        });
    }

    /**
     * Delivers a page's new items: only those this consumer could claim in the store. An item another consumer holds
     * (two nodes polling the same list at once) is left to it and counts as unconfirmed for this round, so this
     * poll's progress waits for the next read, which will find it delivered or free again.
     */
    @Override
    public boolean emit(List<FeedItem> items, DeliveryRound round) throws Exception {
        int budget = maxMessagesPerPoll > 0 ? maxMessagesPerPoll - emittedThisPoll : Integer.MAX_VALUE;
        int take = Math.min(Math.max(budget, 0), items.size());
        List<FeedItem> taken = items.subList(0, take);
        Set<String> claimed = store.claim(taken.stream().map(FeedItem::key).toList(), node,
                Instant.now().plusSeconds(endpoint.getConfiguration().getClaimTimeout()).getEpochSecond());
        Queue<Object> exchanges = new LinkedList<>();
        for (FeedItem item : taken) {
            if (claimed.contains(item.key())) {
                exchanges.add(exchangeFor(item, round));
            } else {
                round.expectOne();
                round.failedOne();
            }
        }
        emittedThisPoll += take;
        processBatch(exchanges);
        recordCompleted(); // a synchronous route has finished the page: one transaction for its keys
        return take == items.size() && isRunAllowed() && !isStopping();
    }

    private Exchange exchangeFor(FeedItem item, DeliveryRound round) {
        Exchange exchange = createExchange(true);
        exchange.getMessage().setBody(item.body());
        exchange.getMessage().setHeaders(item.headers());
        exchange.getMessage().setHeader(BigMarkerConstants.DELIVERY_ATTEMPT,
                failedAttempts.getOrDefault(item.key(), 0) + 1);
        exchange.getMessage().setHeader(BigMarkerConstants.DELIVERED_BY, "poll");
        round.expectOne();
        inFlight.put(item.key(), new CopyOnWriteArrayList<>(List.of(round)));
        exchange.getExchangeExtension().addOnCompletion(new Synchronization() {
            @Override
            public void onComplete(Exchange done) {
                completedUnrecorded.add(item.key());
                failedAttempts.remove(item.key());
                waitingFor(item.key()).forEach(DeliveryRound::completedOne);
            }

            @Override
            public void onFailure(Exchange failed) {
                store.release(List.of(item.key()), node);
                int attempts = failedAttempts.merge(item.key(), 1, Integer::sum);
                int allowed = endpoint.getConfiguration().getMaxDeliveryAttempts();
                if (allowed > 0 && attempts >= allowed) {
                    giveUp(item.key(), attempts, failed);
                    return;
                }
                waitingFor(item.key()).forEach(DeliveryRound::failedOne);
                if (failed.getException() != null) {
                    getExceptionHandler().handleException("BigMarker item " + item.key() + " was not delivered"
                                                          + " (attempt " + attempts + "); it will be delivered again"
                                                          + " on the next poll", failed, failed.getException());
                }
            }
        });
        return exchange;
    }

    /**
     * A poison item: its route failed maxDeliveryAttempts times. It is recorded as delivered so that the consumer moves
     * on (its cursor, the other items), and reported once through the consumer's exception handler, which routes it
     * to the route's error handler with bridgeErrorHandler=true.
     */
    private void giveUp(String key, int attempts, Exchange failed) {
        completedUnrecorded.add(key);
        failedAttempts.remove(key);
        waitingFor(key).forEach(DeliveryRound::completedOne);
        getExceptionHandler().handleException("BigMarker item " + key + " failed " + attempts + " times"
                                              + " (maxDeliveryAttempts); giving up on it: it will not be delivered"
                                              + " again", failed, failed.getException());
    }

    /** Ends an item's flight: the rounds that waited for it. */
    private List<DeliveryRound> waitingFor(String key) {
        List<DeliveryRound> rounds = inFlight.remove(key);
        return rounds == null ? List.of() : rounds;
    }

    /** Writes the keys of completed items to the store, in one transaction. */
    private synchronized void recordCompleted() {
        if (completedUnrecorded.isEmpty()) {
            return;
        }
        List<String> keys = new ArrayList<>(completedUnrecorded);
        store.markDelivered(keys, Instant.now().getEpochSecond());
        keys.forEach(completedUnrecorded::remove);
    }

    @Override
    public int processBatch(Queue<Object> exchanges) throws Exception {
        int total = exchanges.size();
        for (int index = 0; index < total && isBatchAllowed(); index++) {
            Exchange exchange = ObjectHelper.cast(Exchange.class, exchanges.poll());
            exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, index);
            exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, total);
            exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, index == total - 1);
            pendingExchanges = total - index - 1;
            getAsyncProcessor().process(exchange, EmptyAsyncCallback.get());
        }
        // exchanges left when stopping were never processed: their items stay undelivered and come again
        for (Object left : exchanges) {
            Exchange unprocessed = (Exchange) left;
            unprocessed.getExchangeExtension().handoverCompletions().forEach(s -> s.onFailure(unprocessed));
        }
        return total;
    }

    @Override
    public Map<String, ItemState> states(Collection<String> keys) {
        Map<String, ItemState> states = new LinkedHashMap<>();
        List<String> toLookUp = new ArrayList<>();
        for (String key : keys) {
            if (inFlight.containsKey(key)) {
                states.put(key, ItemState.IN_FLIGHT);
            } else if (completedUnrecorded.contains(key)) {
                states.put(key, ItemState.DELIVERED);
            } else {
                toLookUp.add(key);
            }
        }
        Set<String> recorded = toLookUp.isEmpty() ? Set.of() : store.deliveredAmong(toLookUp);
        toLookUp.forEach(key -> states.put(key, recorded.contains(key) ? ItemState.DELIVERED : ItemState.NEW));
        return states;
    }

    @Override
    public boolean holdUntilDelivered(String key, DeliveryRound round) {
        boolean[] held = new boolean[1];
        // atomic with the removal when the item's exchange ends: either this round is told, or it is no longer in flight
        inFlight.computeIfPresent(key, (inFlightKey, rounds) -> {
            round.expectOne();
            rounds.add(round);
            held[0] = true;
            return rounds;
        });
        return held[0];
    }

    @Override
    public void markSeen(Collection<String> keys) {
        store.markDelivered(keys, Instant.now().getEpochSecond());
    }
}
