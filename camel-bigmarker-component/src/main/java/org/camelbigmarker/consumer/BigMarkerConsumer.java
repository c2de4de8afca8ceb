package org.camelbigmarker.consumer;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Processor;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.support.EmptyAsyncCallback;
import org.camelbigmarker.BigMarkerConstants;
import org.camelbigmarker.api.ApiCaller;
import org.camelbigmarker.client.BigMarkerApiException;
import org.camelbigmarker.consumer.delivery.Claims;
import org.camelbigmarker.consumer.delivery.DeliveryLedger;
import org.camelbigmarker.consumer.delivery.DeliveryRound;
import org.camelbigmarker.consumer.delivery.Emitter;
import org.camelbigmarker.consumer.delivery.FeedItem;
import org.camelbigmarker.consumer.delivery.GivenUpItems;
import org.camelbigmarker.consumer.delivery.ItemStates;
import org.camelbigmarker.consumer.feed.Feed;
import org.camelbigmarker.consumer.feed.FeedState;
import org.camelbigmarker.consumer.webhook.WebhookListener;
import org.camelbigmarker.metrics.ConsumerMeters;

/**
 * Polls a {@link Feed}, receives what its webhook brings, and delivers each new item as its own exchange, once in
 * effect: every delivery goes through the {@link DeliveryLedger} (claims, attempts, recording), and progress (a
 * cursor, a report marked done) is made only from recorded state ({@link DeliveryRound}). Its durable side is
 * {@link StoreSession}; what operators see and do, {@link ManagedBigMarkerConsumer} and {@link ConsumerOperator}.
 */
public class BigMarkerConsumer extends ManagedBigMarkerConsumer implements Emitter {

    private final ConsumerSetup setup;
    private final Clock clock;
    private final RetryAfterQuiet quiet;
    private final OperatorActions actions = new OperatorActions(() -> this.feed, this::getRouteId);
    private StoreSession storage;
    private DeliveryLedger ledger;
    private Feed feed;
    private int emittedThisPoll;
    private volatile Instant lastPollAt;
    private WebhookListener webhook;
    private Runnable unregisterHealthCheck = () -> {
    };

    public BigMarkerConsumer(Endpoint endpoint, Processor processor, ConsumerSetup setup) {
        super(endpoint, processor);
        this.setup = setup;
        this.clock = setup.clock();
        this.quiet = new RetryAfterQuiet(clock);
    }

    @Override
    protected void doStart() throws Exception {
        CamelContext camel = getEndpoint().getCamelContext();
        ConsumerKind kind = setup.kind();
        ApiCaller caller = setup.caller().get();
        meters = new ConsumerMeters(setup.meters(), getRouteId(), kind.name(), clock,
                setup.configuration().isWebhook());
        storage = StoreSession.open(setup, camel, this, meters);
        ledger = storage.ledger();
        FeedState state = storage.state();
        FeedFactory feeds = new FeedFactory(kind, setup, caller);
        feed = feeds.create(state);
        GivenUpItems givenUp = state.givenUp(kind.name(), feeds.watched(), clock);
        ledger.keepGivenUpIn(givenUp);
        DirectDelivery direct = new DirectDelivery(ledger, (item, claim, path) -> exchangeFor(item, claim,
                newRound(() -> {
                }), path), getProcessor(), () -> isRunAllowed() && !isStopping() && !isSuspendingOrSuspended(),
                meters);
        operator = new ConsumerOperator(actions, new ConsumerQueries(ledger, storage.store(), givenUp, () -> feed),
                new GivenUpActions(givenUp, storage.store(), direct), getRouteId());
        super.doStart();
        unregisterHealthCheck = DeliveryHealthCheck.register(camel, getRouteId(), meters);
        ConsumerStartLine.log(getRouteId(), kind, setup.configuration(), getDelay(), storage.store());
        if (setup.configuration().isWebhook()) {
            webhook = WebhookFactory.start(kind, setup, caller, camel, getRouteId(), feed, state, direct);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (webhook != null) {
            webhook.stop();
            webhook = null;
        }
        unregisterHealthCheck.run();
        super.doStop();
        if (storage != null) { // null when it never started: a route its cluster policy never let lead
            storage.close();
            storage = null;
        }
        operator = null;
        if (meters != null) {
            meters.close();
        }
    }

    /** One poll of the feed; none while BigMarker's last Retry-After has not passed ({@link RetryAfterQuiet}). */
    @Override
    protected int poll() throws Exception {
        emittedThisPoll = 0;
        lastPollAt = clock.instant();
        if (quiet.quietNow()) {
            return 0;
        }
        try {
            ledger.forgetEndedClaims();
            if (webhook != null) {
                webhook.registerNewConferences(); // a channel's conferences created since the last look
            }
            int emitted = actions.poll(() -> feed.poll(this)); // never while an operator acts
            meters.pollSucceeded();
            return emitted;
        } catch (Exception failure) {
            meters.pollFailed(PollFailures.causeOf(failure));
            if (failure instanceof BigMarkerApiException answer) {
                quiet.failed(answer);
                addLastErrorDetail(HealthCheck.HTTP_RESPONSE_CODE, answer.getStatusCode());
                addLastErrorDetail("bigmarker.error", answer.getMessage());
            }
            throw failure;
        } finally {
            ledger.record();
        }
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
        status.put("quietUntil", quiet.until());
        if (storage != null) {
            status.putAll(storage.status());
        }
        status.put("progress", feed == null ? null : feed.progress());
        if (meters != null) {
            status.put("meters", meters.totals());
        }
        if (webhook != null) {
            status.put("webhook", webhook.status());
        }
        return status;
    }

    @Override
    public DeliveryRound newRound(Runnable progress) {
        return new DeliveryRound(() -> {
            ledger.record(); // the keys first: a cursor never moves past a key that is not recorded
            progress.run();
        });
    }

    /**
     * Delivers a page's new items: only those this delivery could claim (see {@link DeliveryLedger}). An item another
     * delivery holds (another thread, the webhook, another node) is left to it and counts as unconfirmed for this
     * round, so this poll's progress waits for the next read, which will find it delivered or free again.
     */
    @Override
    public boolean emit(List<FeedItem> items, DeliveryRound round) throws Exception {
        int budget = maxMessagesPerPoll > 0 ? maxMessagesPerPoll - emittedThisPoll : Integer.MAX_VALUE;
        int take = Math.min(Math.max(budget, 0), items.size());
        List<FeedItem> taken = items.subList(0, take);
        Claims.Claim claim = ledger.claim(taken.stream().map(FeedItem::key).toList());
        Queue<Object> pending = new LinkedList<>();
        for (FeedItem item : taken) {
            if (claim.granted(item.key())) {
                pending.add(new Pending(item, claim, round));
            } else {
                round.expectOne();
                round.failedOne();
            }
        }
        emittedThisPoll += take;
        processBatch(pending);
        ledger.record(); // a synchronous route has finished the page: one transaction for its keys
        if (webhook != null) { // a conference created since the last look gets its webhook now
            webhook.registerSeen(taken.stream().map(FeedItem::conference).filter(Objects::nonNull).toList());
        }
        return take == items.size() && isRunAllowed() && !isStopping();
    }

    /** A claimed item waiting for its turn in the batch: its exchange is made only when it enters the route. */
    private record Pending(FeedItem item, Claims.Claim claim, DeliveryRound round) {
    }

    private Exchange exchangeFor(FeedItem item, Claims.Claim claim, DeliveryRound round, String path) {
        Exchange exchange = createExchange(true);
        exchange.getMessage().setBody(item.body());
        exchange.getMessage().setHeaders(item.headers());
        exchange.getMessage().setHeader(BigMarkerConstants.DELIVERY_ATTEMPT, ledger.attemptOf(item.key()));
        exchange.getMessage().setHeader(BigMarkerConstants.DELIVERED_BY, path);
        exchange.getMessage().setHeader(BigMarkerConstants.ITEM_KEY, item.key());
        exchange.getExchangeExtension().addOnCompletion(ledger.track(item, claim, round, path));
        return exchange;
    }

    /**
     * Sends the claimed items into the route one by one, each with its claim kept alive as it enters (an item whose
     * claim was lost meanwhile is left to the delivery that took it). Items left when the consumer stops were never
     * sent: their claims are released and they come again.
     */
    @Override
    public int processBatch(Queue<Object> batch) throws Exception {
        int total = batch.size();
        for (int index = 0; index < total && isBatchAllowed(); index++) {
            Pending next = (Pending) batch.poll();
            if (!ledger.keepForRoute(next.claim(), next.item().key())) {
                next.round().expectOne();
                next.round().failedOne();
                continue;
            }
            Exchange exchange = exchangeFor(next.item(), next.claim(), next.round(), ConsumerMeters.POLL);
            exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, index);
            exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, total);
            exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, index == total - 1);
            pendingExchanges = total - index - 1;
            getAsyncProcessor().process(exchange, EmptyAsyncCallback.get());
        }
        for (Object left : batch) {
            Pending unsent = (Pending) left;
            unsent.round().expectOne();
            unsent.round().failedOne();
            ledger.notSent(unsent.item().key(), unsent.claim());
        }
        return total;
    }

    @Override
    public ItemStates items() {
        return ledger;
    }
}
