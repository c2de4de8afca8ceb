package org.camelbigmarker.benchmarks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;
import org.camelbigmarker.testing.QueryString;

/**
 * A channel with N registrations that exist only as numbers: each page of List Channel Registrations is generated on
 * request (page/per_page, start_time), so the server holds nothing and a million registrations cost no memory here.
 * Every registration was made a day before the server started, so a start_time after that finds none.
 */
final class GeneratedChannelServer implements AutoCloseable {

    private final HttpServer server;
    /** The server's threads: HttpServer.stop leaves them running, and they would keep the benchmark's JVM alive. */
    private final java.util.concurrent.ExecutorService threads = Executors.newFixedThreadPool(4);
    private final long total;
    private final long registeredAt = System.currentTimeMillis() / 1000 - 86_400;
    private final AtomicLong requests = new AtomicLong();

    GeneratedChannelServer(long total) throws IOException {
        this.total = total;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.setExecutor(threads);
        server.createContext("/api/v1/conferences/registrations/channel/", exchange -> {
            requests.incrementAndGet();
            Map<String, String> params = QueryString.parse(exchange.getRequestURI().getRawQuery());
            long perPage = Long.parseLong(params.getOrDefault("per_page", "25"));
            long page = Long.parseLong(params.getOrDefault("page", "1"));
            boolean filteredOut = params.containsKey("start_time")
                                  && Long.parseLong(params.get("start_time")) > registeredAt;
            long matching = filteredOut ? 0 : total;
            long from = Math.min((page - 1) * perPage, matching);
            long to = Math.min(from + perPage, matching);
            StringBuilder body = new StringBuilder(256 + (int) (to - from) * 160);
            body.append("{\"current_page\":").append(page).append(",\"per_page\":").append(perPage)
                    .append(",\"total_entries\":").append(matching).append(",\"total_pages\":")
                    .append((matching + perPage - 1) / perPage).append(",\"registrations\":[");
            for (long i = from; i < to; i++) {
                body.append(i == from ? "" : ",").append("{\"id\":\"reg-").append(i).append("\",\"bmid\":\"bm-")
                        .append(i).append("\",\"email\":\"person").append(i)
                        .append("@example.com\",\"first_name\":\"Person\",\"last_name\":\"").append(i)
                        .append("\",\"conference_id\":\"c").append(i % 50).append("\"}");
            }
            FixedAnswerServer.answer(exchange, body.append("]}").toString().getBytes(StandardCharsets.UTF_8));
        });
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1";
    }

    long requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdown();
    }
}
