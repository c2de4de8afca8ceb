package org.camelbigmarker.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.hc.client5.http.classic.methods.HttpPut;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;

/**
 * Registers N people through bigmarker against a loopback server that answers after a fixed latency, from C threads
 * at once, and compares the rate achieved with the bound: min(C, connection pool size) / latency.
 */
final class ThroughputRun {

    record Result(int concurrency, int calls, int errors, double seconds, double rate, double bound) {
        double ofBound() {
            return rate / bound;
        }
    }

    /** One call: through bigmarker, or with plain HttpClient as the reference on the same server. */
    interface Caller {
        void call(int i) throws Exception;
    }

    static final long LATENCY_MILLIS = 20;
    static final int POOL_SIZE = 20; // the component's default maxConnections

    private ThroughputRun() {
    }

    /** Through bigmarker (its default pool of 20 connections). */
    static Result run(int concurrency, int calls) throws Exception {
        try (FixedAnswerServer server = new FixedAnswerServer(ProducerOverheadBenchmark.REGISTERED, LATENCY_MILLIS,
                128);
             CamelContext camel = new DefaultCamelContext()) {
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();
            String uri = "bigmarker:registrations?operation=registerOrUpdate&conferenceId=c1&apiKey=k&allowPlainHttp=true"
                         + "&baseUrl=" + server.baseUrl();
            return measure(concurrency, calls, i -> template.requestBody(uri, registrant(i)));
        }
    }

    /** The reference: plain HttpClient 5 with a pool of the same size, the same form PUT, the same server. */
    static Result reference(int concurrency, int calls) throws Exception {
        try (FixedAnswerServer server = new FixedAnswerServer(ProducerOverheadBenchmark.REGISTERED, LATENCY_MILLIS,
                128);
             CloseableHttpClient http = HttpClients.custom().setConnectionManager(
                     PoolingHttpClientConnectionManagerBuilder.create().setMaxConnTotal(POOL_SIZE)
                             .setMaxConnPerRoute(POOL_SIZE).build()).build()) {
            return measure(concurrency, calls, i -> {
                HttpPut put = new HttpPut(server.baseUrl() + "/conferences/register_or_update");
                put.addHeader("API-KEY", "k");
                put.setEntity(new StringEntity(ProducerOverheadBenchmark.form(registrant(i), "c1"),
                        ContentType.APPLICATION_FORM_URLENCODED));
                http.execute(put, response -> EntityUtils.toByteArray(response.getEntity()));
            });
        }
    }

    private static Result measure(int concurrency, int calls, Caller caller) throws Exception {
        {
            caller.call(0); // one warm-up call, not counted
            ExecutorService callers = Executors.newFixedThreadPool(concurrency);
            AtomicInteger next = new AtomicInteger();
            AtomicInteger errors = new AtomicInteger();
            long start = System.nanoTime();
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < concurrency; t++) {
                workers.add(callers.submit(() -> {
                    for (int i = next.getAndIncrement(); i < calls; i = next.getAndIncrement()) {
                        try {
                            caller.call(i);
                        } catch (Exception failed) {
                            errors.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            callers.shutdown();
            double bound = Math.min(concurrency, POOL_SIZE) * 1000.0 / LATENCY_MILLIS;
            return new Result(concurrency, calls, errors.get(), seconds, calls / seconds, bound);
        }
    }

    private static Map<String, Object> registrant(int i) {
        return Map.of("email", "person" + i + "@example.com", "first_name", "Person", "last_name", "" + i);
    }
}
