package org.camelbigmarker.testing;

import org.camelbigmarker.BigMarkerConstants;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Registry;
import org.camelbigmarker.sandbox.BigMarkerSandbox;
import org.camelbigmarker.consumer.BigMarkerConsumer;

/**
 * A CamelContext with one route from a bigmarker consumer, whose polls the test triggers itself (the scheduler waits
 * an hour), recording what the route received. The route can be told to fail for chosen items once.
 */
public final class ConsumerHarness implements AutoCloseable {

    public static final String ROUTE = "feed";

    public final CamelContext camel = new DefaultCamelContext();
    public final List<Exchange> delivered = new CopyOnWriteArrayList<>();
    private final Set<String> failOnce = ConcurrentHashMap.newKeySet();
    private final Set<String> failAlways = ConcurrentHashMap.newKeySet();
    /** Every exchange the route received, failed ones included: email and CamelBigMarkerDeliveryAttempt. */
    public final List<String> received = new CopyOnWriteArrayList<>();
    private volatile Runnable onFirstDelivery;
    private volatile Runnable everyDelivery = () -> {
    };
    private final java.util.concurrent.atomic.AtomicInteger deliveriesStarted = new java.util.concurrent.atomic.AtomicInteger();
    private volatile int hookAt;
    private volatile Runnable hookAtDelivery;
    private volatile long processingMillis;
    private volatile java.util.concurrent.CountDownLatch processed = new java.util.concurrent.CountDownLatch(0);

    public ConsumerHarness(BigMarkerSandbox server, String groupAndOptions, Object... beans) throws Exception {
        this(server.baseUrl(), BigMarkerSandbox.API_KEY, groupAndOptions, beans);
    }

    /** Against any server: the sandbox, or a stand-in of another shape. */
    public ConsumerHarness(String baseUrl, String apiKey, String groupAndOptions, Object... beans) throws Exception {
        this(baseUrl, apiKey, groupAndOptions, camel -> {
        }, beans);
    }

    /** With {@code setup} run on the CamelContext before the route is added (a clock, an HTTP server...). */
    public ConsumerHarness(String baseUrl, String apiKey, String groupAndOptions,
                    Setup setup, Object... beans) throws Exception {
        setup.apply(camel);
        Registry registry = camel.getRegistry();
        for (int i = 0; i < beans.length; i += 2) {
            registry.bind((String) beans[i], beans[i + 1]);
        }
        String uri = "bigmarker:" + groupAndOptions + (groupAndOptions.contains("?") ? "&" : "?") + "apiKey="
                     + apiKey + "&baseUrl=" + baseUrl + "&allowPlainHttp=true"
                     + "&initialDelay=3600000&delay=3600000&retryInitialDelay=10";
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId(ROUTE).process(exchange -> {
                    everyDelivery.run();
                    if (deliveriesStarted.incrementAndGet() == hookAt && hookAtDelivery != null) {
                        hookAtDelivery.run();
                    }
                    String email = exchange.getMessage().getHeader(BigMarkerConstants.EMAIL, String.class);
                    received.add(email + "#" + exchange.getMessage().getHeader(BigMarkerConstants.DELIVERY_ATTEMPT));
                    if (email != null && (failOnce.remove(email) || failAlways.contains(email))) {
                        throw new IllegalStateException("the route failed for " + email);
                    }
                    delivered.add(exchange);
                    Runnable hook = onFirstDelivery;
                    if (hook != null) {
                        onFirstDelivery = null;
                        hook.run();
                    }
                    if (processingMillis > 0) {
                        Thread.sleep(processingMillis);
                    }
                    processed.countDown();
                });
            }
        });
        camel.start();
    }

    /**
     * A webhook consumer (webhook=true) whose platform-http server (Vert.x) listens on a loopback port; it polls
     * only when told.
     */
    public static ConsumerHarness withWebhooks(String baseUrl, String apiKey, String groupAndOptions, int port,
                                        Object... beans) throws Exception {
        return new ConsumerHarness(baseUrl, apiKey, webhookOptions(groupAndOptions, port), platformHttpOn(port),
                beans);
    }

    /** The options that turn on the webhook of a consumer whose platform-http server listens on the port. */
    public static String webhookOptions(String groupAndOptions, int port) {
        return groupAndOptions + "&webhook=true&webhookBaseUrl=http://127.0.0.1:" + port;
    }

    /** A platform-http server (Vert.x) on a loopback port, for webhook consumers. */
    public static Setup platformHttpOn(int port) {
        return camel -> org.camelbigmarker.testing.LoopbackPlatformHttp.addTo(camel, port);
    }

    /** What a test sets on the CamelContext before the route starts. */
    @FunctionalInterface
    public interface Setup {
        void apply(CamelContext camel) throws Exception;
    }

    /** The route fails the first time it receives this email. */
    public void failOnceFor(String email) {
        failOnce.add(email);
    }

    /** The route fails every time it receives this email (a poison item). */
    public void failAlwaysFor(String email) {
        failAlways.add(email);
    }

    /** The route no longer fails for any item. */
    public void heal() {
        failOnce.clear();
        failAlways.clear();
    }

    /** Runs once, in the route, when the first item arrives (while the poll is still reading pages). */
    public void onFirstDelivery(Runnable hook) {
        onFirstDelivery = hook;
    }

    /** Runs in the route as each exchange arrives (a driven clock advanced by the time the route "takes"). */
    public void everyDelivery(Runnable hook) {
        everyDelivery = hook;
    }

    /** Runs once, in the route, as the {@code nth} exchange arrives. */
    public void onDelivery(int nth, Runnable hook) {
        hookAtDelivery = hook;
        hookAt = nth;
    }

    /** Each exchange takes this long in the route; {@code latch} counts them down. */
    public void slowDown(long millis, java.util.concurrent.CountDownLatch latch) {
        processingMillis = millis;
        processed = latch;
    }

    /** One poll, on the calling thread. */
    public void poll() {
        ((BigMarkerConsumer) camel.getRoute(ROUTE).getConsumer()).run();
    }

    public BigMarkerConsumer consumer() {
        return (BigMarkerConsumer) camel.getRoute(ROUTE).getConsumer();
    }

    public List<String> emails() {
        List<String> emails = new ArrayList<>();
        delivered.forEach(e -> emails.add(e.getMessage().getHeader(BigMarkerConstants.EMAIL, String.class)));
        return emails;
    }

    public List<String> conferenceIds() {
        List<String> ids = new ArrayList<>();
        delivered.forEach(e -> ids.add(e.getMessage().getHeader(BigMarkerConstants.CONFERENCE_ID, String.class)));
        return ids;
    }

    @Override
    public void close() {
        camel.stop();
    }
}
