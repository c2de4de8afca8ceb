package org.camelbigmarker.benchmarks;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.camelbigmarker.state.JdbcConsumerStore;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Every figure of docs/performance.md, in one run: producer overhead (JMH), throughput under concurrency, the consumer
 * at scale, start-up and footprint. Prints Markdown and writes it to --out. Sizes can be lowered with system
 * properties (bench.calls, bench.calls1, bench.channel) and sections chosen with bench.sections for a quick look; the
 * defaults are the figures, all sections.
 */
public final class BenchmarkSuite {

    private final StringBuilder report = new StringBuilder();

    private BenchmarkSuite() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        List<String> sections = List.of(System.getProperty("bench.sections", "producer,throughput,consumer,cost,budget,webhooks,startup")
                .split(","));
        BenchmarkSuite suite = new BenchmarkSuite();
        suite.machine();
        if (sections.contains("producer")) {
            suite.producerOverhead();
        }
        if (sections.contains("throughput")) {
            suite.throughput();
        }
        if (sections.contains("consumer")) {
            suite.consumerAtScale();
        }
        if (sections.contains("cost")) {
            suite.apiCostOfAnAccount();
        }
        if (sections.contains("budget")) {
            suite.requestBudget();
        }
        if (sections.contains("webhooks")) {
            suite.webhooksUnderLoad();
        }
        if (sections.contains("startup")) {
            suite.startupAndFootprint(Path.of(options.get("--jar")), Path.of(options.get("--runtime-classpath")));
        }
        Path out = Path.of(options.getOrDefault("--out", "target/benchmark-results.md"));
        Files.writeString(out, suite.report, StandardCharsets.UTF_8);
        System.out.println(suite.report);
        System.out.println("Written to " + out.toAbsolutePath());
    }

    private void line(String text) {
        report.append(text).append('\n');
    }

    private static String f(String format, Object... values) {
        return String.format(Locale.ROOT, format, values);
    }

    private void machine() {
        line("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, "
             + System.getProperty("os.name") + " " + System.getProperty("os.arch") + "; JVM: "
             + System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + ", max heap "
             + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB (JMH forks use the same JVM options).");
        line("");
    }

    // ---- 1. producer overhead --------------------------------------------------------------------------------------

    private void producerOverhead() throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(ProducerOverheadBenchmark.class.getName())
                .forks(1).warmupIterations(3).warmupTime(TimeValue.seconds(2))
                .measurementIterations(5).measurementTime(TimeValue.seconds(3))
                .threads(1).addProfiler(GCProfiler.class)
                .jvmArgsAppend("-Dsun.net.httpserver.nodelay=true", "-Xmx1g").build()).run();
        Map<String, double[]> byKey = new HashMap<>();
        for (RunResult result : results) {
            String key = result.getParams().getParam("call") + "/" + result.getParams().getBenchmark()
                    .substring(result.getParams().getBenchmark().lastIndexOf('.') + 1);
            Result<?> alloc = result.getSecondaryResults().get("·gc.alloc.rate.norm");
            if (alloc == null) {
                alloc = result.getSecondaryResults().get("gc.alloc.rate.norm");
            }
            byKey.put(key, new double[] { result.getPrimaryResult().getScore(),
                result.getPrimaryResult().getScoreError(), alloc == null ? Double.NaN : alloc.getScore() });
        }
        line("## 1. Producer overhead (JMH, 1 thread, average time per call, allocation per call)");
        line("");
        line("| Call | bigmarker | (a) camel-http route | (b) HttpClient 5 | bigmarker / (b) | bigmarker / (a) |");
        line("|---|---|---|---|---|---|");
        for (String call : List.of("show", "register")) {
            double[] component = byKey.get(call + "/bigmarkerComponent");
            double[] route = byKey.get(call + "/camelHttpRoute");
            double[] plain = byKey.get(call + "/plainHttpClient");
            String name = call.equals("show") ? "GET show conference" : "PUT register (form)";
            line(f("| %s: time | %.1f ± %.1f µs | %.1f ± %.1f µs | %.1f ± %.1f µs | %.2f | %.2f |", name,
                    component[0], component[1], route[0], route[1], plain[0], plain[1], component[0] / plain[0],
                    component[0] / route[0]));
            line(f("| %s: allocation | %.0f B | %.0f B | %.0f B | %.2f | %.2f |", name, component[2], route[2],
                    plain[2], component[2] / plain[2], component[2] / route[2]));
        }
        line("");
    }

    // ---- 2. throughput -------------------------------------------------------------------------------------------

    private void throughput() throws Exception {
        int calls = Integer.getInteger("bench.calls", 10_000);
        int callsAtOne = Integer.getInteger("bench.calls1", calls);
        line("## 2. Throughput: registerOrUpdate against a server answering after "
             + ThroughputRun.LATENCY_MILLIS + " ms (connection pool " + ThroughputRun.POOL_SIZE + ")");
        line("");
        line("| Concurrency | Calls | Errors | Seconds | Rate (calls/s) | Bound min(C, pool) / latency | Rate / bound"
             + " | Plain HttpClient, same pool and server (calls/s) | Rate / plain |");
        line("|---|---|---|---|---|---|---|---|---|");
        for (int concurrency : new int[] { 1, 16, 64 }) {
            int n = concurrency == 1 ? callsAtOne : calls;
            ThroughputRun.Result result = ThroughputRun.run(concurrency, n);
            ThroughputRun.Result plain = ThroughputRun.reference(concurrency, Math.min(n, calls / 5));
            line(f("| %d | %d | %d | %.1f | %.0f | %.0f | %.2f | %.0f (%d calls, %d errors) | %.2f |",
                    result.concurrency(), result.calls(), result.errors(), result.seconds(), result.rate(),
                    result.bound(), result.ofBound(), plain.rate(), plain.calls(), plain.errors(),
                    result.rate() / plain.rate()));
        }
        line("");
    }

    // ---- 3. consumer at scale ----------------------------------------------------------------------------------

    private void consumerAtScale() throws Exception {
        long channel = Long.getLong("bench.channel", 1_000_000);
        int perPage = 1000;
        line("## 3. Consumer at scale: List Channel Registrations, " + perPage + " per page");
        line("");
        line("Each JDBC store runs on freshly created tables through a HikariCP pool, as applications run it. The"
             + " tenths are the seconds each tenth of the registrations took, in order; an even sync has its slowest"
             + " tenth near its median one.");
        line("");
        line("| De-duplication store | Registrations | Delivered once | Seconds | Per second | Seconds per tenth"
             + " | Slowest / median tenth | Live heap after GC at 0%, 10%, ... 100% (MB) | Store size after the"
             + " sync | Requests per idle poll |");
        line("|---|---|---|---|---|---|---|---|---|---|");
        List<ConsumerScaleRun.Result> results = new ArrayList<>();
        List<String> sizes = new ArrayList<>();
        String only = System.getProperty("bench.stores", "memory,h2,postgresql,none");
        if (only.contains("memory")) {
            results.add(ConsumerScaleRun.run("in memory (the default)", null, channel, perPage));
            sizes.add("in memory");
        }
        if (only.contains("h2")) {
            try (com.zaxxer.hikari.HikariDataSource h2 = pool("jdbc:h2:file:" + Path.of("target", "bench-h2-"
                                                                                         + System.nanoTime()).toAbsolutePath())) {
                results.add(ConsumerScaleRun.run("JdbcConsumerStore on H2 (file), HikariCP",
                        started(new JdbcConsumerStore(h2)), channel, perPage));
                sizes.add("n/a");
            }
        }
        if (only.contains("postgresql")) {
            try (io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres =
                         io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().start();
                 com.zaxxer.hikari.HikariDataSource pooled = pool(postgres.getJdbcUrl("postgres", "postgres"))) {
                ConsumerScaleRun.Result result = ConsumerScaleRun.run("JdbcConsumerStore on PostgreSQL 14 (embedded,"
                                                                      + " same machine), HikariCP",
                        started(new JdbcConsumerStore(pooled)), channel, perPage);
                results.add(result);
                sizes.add(postgresSize(pooled, result.items()));
            }
        }
        if (only.contains("none")) {
            results.add(ConsumerScaleRun.run("none (remembers nothing: the consumer's own memory alone)",
                    new ConsumerScaleRun.RemembersNothing(), channel, perPage));
            sizes.add("nothing");
        }
        for (int i = 0; i < results.size(); i++) {
            ConsumerScaleRun.Result result = results.get(i);
            line(f("| %s | %d | %s | %.1f | %.0f | %s | %.2f | %s | %s | %d |", result.store(), result.items(),
                    result.duplicates() == 0 ? "yes" : result.duplicates() + " duplicates", result.seconds(),
                    result.perSecond(), result.tenths().stream().map(t -> f("%.1f", t)).toList(),
                    result.slowestOverMedian(), result.liveHeapMb(), sizes.get(i), result.idlePollRequests()));
        }
        line("");
    }

    // ---- the API cost of an account ------------------------------------------------------------------------------

    private void apiCostOfAnAccount() throws Exception {
        Duration delay = Duration.ofSeconds(Long.getLong("bench.costDelaySeconds", 60));
        line("## The API cost of an account: a simulated day, a poll every " + delay.toSeconds() + " s");
        line("");
        line("A generated account of 1,000 upcoming conferences (starting over the next 30 days), 10,000 past ones,"
             + " 100 registrations each and a new registration every 30 minutes on one conference; one day of virtual"
             + " time, after a first poll that starts from now. Naive: every list the consumer watches read in full"
             + " each poll.");
        line("");
        costRows(AccountCostRun.run(delay));
        Duration reconciliation = Duration.ofMillis(org.camelbigmarker.BigMarkerComponent
                .WEBHOOK_RECONCILIATION_DELAY_MILLIS);
        line("With webhooks on (`webhook=true`), the poll as reconciliation every " + reconciliation.toSeconds()
             + " s (the default with webhooks); the account sends no webhook, so a row is the requests alone (a push"
             + " costs none) and its items come by the reconciliation. First poll: the consumer's start (setting the"
             + " webhooks) and its first poll.");
        line("");
        costRows(AccountCostRun.runWithWebhooks(reconciliation));
    }

    private void costRows(List<AccountCostRun.Row> rows) {
        line("| Consumer | First poll | Requests in the day | Per hour | Items delivered | Naive poller in the day |"
             + " Naive / consumer |");
        line("|---|---|---|---|---|---|---|");
        for (AccountCostRun.Row row : rows) {
            line(f("| %s | %d | %d | %.0f | %d | %d | %.0f |", row.consumer(), row.firstPoll(), row.requestsInADay(),
                    row.perHour(), row.delivered(), row.naive(), (double) row.naive() / row.requestsInADay()));
        }
        line("");
    }

    // ---- one request budget per API key --------------------------------------------------------------------------

    private void requestBudget() throws Exception {
        int limit = Integer.getInteger("bench.budgetLimit", 4);
        line("## One request budget per API key: the account throttled to " + limit + " requests a minute");
        line("");
        line("The generated account of the cost section, its four consumers (new registrations of one conference,"
             + " conference started, conference ended, chat reports) in one CamelContext on one API key, each polling"
             + " a minute after its last poll ended, and a producer registering someone every 5 minutes, for a"
             + " simulated day after the first polls. The throttled account answers 429 (with Retry-After) beyond "
             + limit + " requests in any 60 s. Delay: from when the account shows an item to its delivery (seconds,"
             + " p50 / p99 / max).");
        line("");
        StringBuilder head = new StringBuilder("| Setting | Requests | 429 answers | Delivered | Writes (failed) |"
                                               + " Write wait p99 |");
        StringBuilder rule = new StringBuilder("|---|---|---|---|---|---|");
        for (String kind : BudgetRun.KINDS) {
            head.append(' ').append(kind).append(" delay |");
            rule.append("---|");
        }
        line(head.toString());
        line(rule.toString());
        for (BudgetRun.Row row : BudgetRun.run(limit)) {
            StringBuilder cells = new StringBuilder(f("| %s | %d | %d | %d | %d (%d) | %.1f s |", row.setting(),
                    row.requests(), row.throttled(), row.delivered(), row.writes(), row.failedWrites(),
                    row.writeWaitP99Millis() / 1000.0));
            for (String kind : BudgetRun.KINDS) {
                long[] delay = row.delaysByKind().get(kind);
                cells.append(f(" %d / %d / %d (%d) |", delay[0], delay[1], delay[2], delay[3]));
            }
            line(cells.toString());
        }
        line("");
    }

    // ---- webhooks under load -------------------------------------------------------------------------------------

    private void webhooksUnderLoad() throws Exception {
        int rate = Integer.getInteger("bench.webhookRate", 1000);
        int seconds = Integer.getInteger("bench.webhookSeconds", 60);
        line("## Webhooks under load: " + rate + " new-registration webhooks a second for " + seconds + " s");
        line("");
        line("Pushed by the JDK's HttpClient on loopback, each registration once; push-to-route is the time from the"
             + " POST's sending to the route's processor, in ms; both paths warmed up for 3 s first.");
        line("");
        line("| Route | Pushed | Push to route p50 | p99 | max | POST round trip p99 | Answers not 200 | Lost | Twice |");
        line("|---|---|---|---|---|---|---|---|---|");
        List<WebhookLoadRun.Result> results = WebhookLoadRun.run(rate, seconds);
        for (WebhookLoadRun.Result result : results) {
            line(f("| %s | %d | %.2f | %.2f | %.2f | %.2f | %d | %d | %d |", result.route(), result.pushed(),
                    result.p50(), result.p99(), result.max(), result.roundTripP99(), result.notOk(), result.lost(),
                    result.twice()));
        }
        line("");
        line(f("p99 push to route, webhook consumer / bare route: %.2f", results.get(1).p99() / results.get(0).p99()));
        line("");
    }

    private static com.zaxxer.hikari.HikariDataSource pool(String url) {
        com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(10);
        return new com.zaxxer.hikari.HikariDataSource(config);
    }

    /** The bytes the store's tables take with their indexes, per delivered item. */
    private static String postgresSize(javax.sql.DataSource database, long items) throws Exception {
        try (java.sql.Connection connection = database.getConnection();
             java.sql.Statement statement = connection.createStatement();
             java.sql.ResultSet row = statement.executeQuery("SELECT pg_total_relation_size('bigmarker_delivered'),"
                                                             + " pg_total_relation_size('bigmarker_claims')")) {
            row.next();
            long delivered = row.getLong(1);
            long claims = row.getLong(2);
            return f("%d bytes an item (delivered keys %d, claims %d)", (delivered + claims) / Math.max(1, items),
                    delivered / Math.max(1, items), claims / Math.max(1, items));
        }
    }

    private static JdbcConsumerStore started(JdbcConsumerStore store) {
        store.start();
        return store;
    }

    // ---- 4. start-up and footprint -----------------------------------------------------------------------------

    private void startupAndFootprint(Path jar, Path runtimeClasspathFile) throws Exception {
        int runs = 7;
        List<long[]> with = new ArrayList<>();
        List<long[]> without = new ArrayList<>();
        List<long[]> libraries = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            with.add(probe("with"));
            without.add(probe("without"));
            libraries.add(probe("libraries"));
        }
        long[] w = medians(with);
        long[] wo = medians(without);
        long[] lib = medians(libraries);
        line("## 4. Start-up and footprint");
        line("");
        line("Median of " + runs + " fresh JVMs each, a CamelContext with one route to a bigmarker endpoint"
             + " against the same route to a log endpoint, and against the log route in a JVM that also builds an"
             + " HttpClient 5 and a Jackson ObjectMapper (what any HTTP and JSON integration loads):");
        line("");
        line("| | with bigmarker | without | ratio | without, but HttpClient 5 and Jackson loaded | with / that |");
        line("|---|---|---|---|---|---|");
        line(f("| CamelContext created to started | %d ms | %d ms | %.2f | %d ms | %.2f |", w[0], wo[0],
                (double) w[0] / wo[0], lib[0], (double) w[0] / lib[0]));
        line(f("| JVM start to context started | %d ms | %d ms | %.2f | %d ms | %.2f |", w[1], wo[1],
                (double) w[1] / wo[1], lib[1], (double) w[1] / lib[1]));
        line("");
        List<String> entries = Arrays.stream(Files.readString(runtimeClasspathFile).trim().split(File.pathSeparator))
                .filter(entry -> !entry.isBlank()).toList();
        long dependencyBytes = 0;
        List<String> names = new ArrayList<>();
        for (String entry : entries) {
            Path path = Path.of(entry);
            dependencyBytes += Files.size(path);
            names.add(path.getFileName().toString());
        }
        line(f("Component jar: %s, %d KB. Runtime dependencies: %d jars, %.1f MB: %s.", jar.getFileName(),
                Files.size(jar) / 1024, entries.size(), dependencyBytes / (1024.0 * 1024), String.join(", ", names)));
        line("");
    }

    private static long[] probe(String variant) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StartupProbe.class.getName(), variant)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(2, TimeUnit.MINUTES);
        String line = output.lines().filter(l -> l.startsWith("STARTUP ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("probe failed: " + output));
        String[] parts = line.split(" ");
        return new long[] { Long.parseLong(parts[1]), Long.parseLong(parts[2]) };
    }

    private static long[] medians(List<long[]> samples) {
        long[] first = samples.stream().mapToLong(s -> s[0]).sorted().toArray();
        long[] second = samples.stream().mapToLong(s -> s[1]).sorted().toArray();
        return new long[] { first[first.length / 2], second[second.length / 2] };
    }
}
