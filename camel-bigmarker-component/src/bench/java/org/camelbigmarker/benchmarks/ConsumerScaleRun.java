package org.camelbigmarker.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.camelbigmarker.consumer.BigMarkerConsumer;
import org.camelbigmarker.state.ConsumerStore;
import org.camelbigmarker.state.MemoryConsumerStore;

/**
 * Delivers every registration of a generated channel into a route and measures: the time to deliver them all, the
 * heap that stays live as delivery goes on (measured after a full GC at each tenth of the way), and the requests one
 * idle poll costs afterwards. Run with the default in-memory store, the JDBC store on H2 (a file database) and on a
 * real PostgreSQL 14 (embedded), and a store that remembers nothing, which leaves the consumer's own memory alone.
 */
final class ConsumerScaleRun {

    /** @param tenths the seconds each tenth of the sync took, in order */
    record Result(String store, long items, double seconds, List<Long> liveHeapMb, List<Double> tenths,
                  long idlePollRequests, long duplicates) {

        /** The slowest tenth over the median tenth: 1 is an even sync; the goal is at most 2. */
        double slowestOverMedian() {
            List<Double> sorted = tenths.stream().sorted().toList();
            return sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / sorted.get(sorted.size() / 2);
        }

        double perSecond() {
            return items / seconds;
        }
    }

    private ConsumerScaleRun() {
    }

    /** Remembers nothing: measures the consumer without a store's memory (every key is new to it). */
    static final class RemembersNothing extends MemoryConsumerStore {
        @Override
        public Set<String> deliveredAmong(Collection<String> keys) {
            return Set.of();
        }

        @Override
        public void markDelivered(Collection<String> keys, long stamp) {
        }

        @Override
        public Set<String> claim(Collection<String> keys, String owner, long nowMillis, long untilMillis) {
            return new java.util.HashSet<>(keys);
        }
    }

    static Result run(String storeName, ConsumerStore store, long total, int perPage) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        List<Long> liveHeap = new ArrayList<>();
        List<Double> tenths = new ArrayList<>();
        long[] tenthStarted = new long[1];
        AtomicLong delivered = new AtomicLong();
        AtomicLong duplicates = new AtomicLong();
        java.util.BitSet seen = new java.util.BitSet((int) total);
        CountDownLatch all = new CountDownLatch(1);
        long step = total / 10;
        try (GeneratedChannelServer server = new GeneratedChannelServer(total);
             CamelContext camel = new DefaultCamelContext()) {
            if (store != null) {
                camel.getRegistry().bind("store", store);
            }
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("bigmarker:registrations?operation=listChannelRegistrations&channelId=big&param.per_page="
                         + perPage + (store != null ? "&consumerStore=#store" : "")
                         + "&apiKey=k&allowPlainHttp=true&initialDelay=0&delay=3600000&baseUrl=" + server.baseUrl())
                            .routeId("scale")
                            .process(exchange -> {
                                String id = exchange.getMessage().getHeader("CamelBigMarkerEmail", String.class);
                                int n = Integer.parseInt(id.substring(6, id.indexOf('@')));
                                synchronized (seen) {
                                    if (seen.get(n)) {
                                        duplicates.incrementAndGet();
                                    }
                                    seen.set(n);
                                }
                                long count = delivered.incrementAndGet();
                                if (count % step == 0) {
                                    long now = System.nanoTime();
                                    tenths.add((now - tenthStarted[0]) / 1e9);
                                    tenthStarted[0] = now;
                                    System.gc();
                                    liveHeap.add(memory.getHeapMemoryUsage().getUsed() / (1024 * 1024));
                                }
                                if (count == total) {
                                    all.countDown();
                                }
                            });
                }
            });
            System.gc();
            liveHeap.add(memory.getHeapMemoryUsage().getUsed() / (1024 * 1024));
            long start = System.nanoTime();
            tenthStarted[0] = start;
            camel.start();
            if (!all.await(30, TimeUnit.MINUTES)) {
                throw new IllegalStateException("only " + delivered.get() + " of " + total + " delivered");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            BigMarkerConsumer consumer = (BigMarkerConsumer) camel.getRoute("scale").getConsumer();
            while (consumer.getSuccessCounter() < 1 || consumer.isPolling()) {
                Thread.sleep(10); // the scheduled poll completes the last exchanges and seals its round
            }
            long before = server.requests();
            consumer.run(); // one more poll: nothing new
            long idle = server.requests() - before;
            return new Result(storeName, delivered.get(), seconds, liveHeap, tenths, idle, duplicates.get());
        }
    }
}
