package org.camelbigmarker.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.camelbigmarker.sandbox.BigMarkerSandbox;
import org.camelbigmarker.state.JdbcConsumerStore;

/**
 * The examples as one camel-main application. Without BIGMARKER_API_KEY it starts the embedded BigMarker sandbox,
 * an H2 database and an ActiveMQ Artemis broker, drops a leads file, lets the sandbox simulate new registrations and a
 * webinar ending, and ends with a summary. With a key it runs the same routes against BigMarker for
 * EXAMPLE_TIMEOUT_SECONDS (see {@link ExampleSettings} for every setting).
 */
public final class ExampleApplication {

    static final String QUEUE = "bigmarker.attendance";
    static final String SAMPLE_LEADS = "/sample-leads.csv";
    static final int SAMPLE_LEAD_ROWS = 6;

    private ExampleApplication() {
    }

    public static void main(String[] args) throws Exception {
        run(ExampleSettings.from(System.getenv()), System.out).print(System.out);
    }

    /** One run. On the sandbox, the work directory starts clean (the sandbox starts empty too). */
    public static Summary run(ExampleSettings settings, PrintStream out) throws Exception {
        if (!settings.onSandbox()) {
            return runWith(settings, null, out);
        }
        deleteRecursively(settings.workDir());
        try (BigMarkerSandbox sandbox = startSandbox()) {
            out.println("No BIGMARKER_API_KEY: running on the embedded BigMarker sandbox at " + sandbox.baseUrl());
            return runWith(settings.withSandbox(sandbox.baseUrl(), sandbox.crmUrl()), sandbox, out);
        }
    }

    /**
     * The demo sandbox, with life scheduled: three people register (to three webinars), then the live webinar
     * ends. Expected: 12 registrations in all, reports of two ended webinars.
     */
    public static BigMarkerSandbox startSandbox() throws IOException {
        BigMarkerSandbox sandbox = BigMarkerSandbox.start().seedDemoData();
        sandbox.simulate(Duration.ofMillis(700), List.of(
                () -> sandbox.register("c0ffee01", "new.registrant@example.com", "New", "Registrant",
                        Map.of("company", "Initech")),
                () -> sandbox.register("c0ffee02", "another.one@example.com", "Another", "One", Map.of()),
                () -> sandbox.register("c0ffee03", "late.comer@example.com", "Late", "Comer", Map.of()),
                () -> sandbox.endConference("c0ffee03")));
        return sandbox;
    }

    /** Runs the routes against {@code sandbox} (or BigMarker when null) until done or timed out. */
    public static Summary runWith(ExampleSettings settings, BigMarkerSandbox sandbox, PrintStream out)
            throws Exception {
        Files.createDirectories(settings.inbox());
        Database database = new Database(settings);
        database.createSchema();
        ExampleStats stats = new ExampleStats();
        Main main = new Main();
        try (EmbeddedBroker broker = new EmbeddedBroker().start()) {
            configure(main, settings, database, broker, stats);
            main.start();
            dropSampleLeads(settings.inbox());
            out.println("Dropped " + SAMPLE_LEAD_ROWS + " leads into " + settings.inbox());
            boolean finished = waitUntil(settings.timeout(), sandbox == null ? () -> false : () ->
                    sandbox.simulationFinished()
                    && stats.leadsRegistered() + stats.leadsRejected() == SAMPLE_LEAD_ROWS
                    && count(database, "SELECT COUNT(*) FROM registrations") == sandbox.registrationCount()
                    && stats.reports().size() >= 4);
            main.stop();
            return new Summary(stats.leadsRegistered(), stats.leadsRejected(), settings.rejectsFile(),
                    count(database, "SELECT COUNT(*) FROM registrations"), stats.registrationsUpserted(),
                    stats.registrationsByWebhook(), settings.jdbcUrl(), stats.reports(), QUEUE, broker.depth(QUEUE), settings.crmUrl(),
                    sandbox == null || finished);
        } finally {
            main.stop();
        }
    }

    private static void configure(Main main, ExampleSettings settings, Database database, EmbeddedBroker broker,
                                  ExampleStats stats) {
        main.bind("dataSource", database.dataSource());
        main.bind("connectionFactory", broker.connectionFactory());
        // what the consumers delivered and where they stand, in the same database: survives restarts, shared by nodes
        main.bind("bigmarkerStore", new JdbcConsumerStore(database.dataSource()));
        main.bind("leads", new Leads(settings.webinar()));
        main.bind("rejects", new Rejects(settings.rejectsFile(), stats));
        main.bind("stats", stats);
        main.bind("registrationRows", new RegistrationRows());
        main.bind("reportMessages", new ReportMessages());
        // the component is configured the camel-main way, from properties
        main.addInitialProperty("camel.component.bigmarker.api-key",
                settings.onSandbox() ? BigMarkerSandbox.API_KEY : settings.apiKey());
        main.addInitialProperty("camel.component.bigmarker.base-url", settings.baseUrl());
        main.addInitialProperty("camel.component.bigmarker.allow-plain-http", String.valueOf(settings.onSandbox()));
        if (settings.onSandbox()) {
            // the sandbox computes a webinar's reports when it ends, so an empty report is final at once; BigMarker
            // may fill one late, so against it the default (read an empty report again for a day) stays
            main.addInitialProperty("camel.component.bigmarker.empty-report-wait", "0");
        }
        // BigMarker's webhooks for new registrations, with the poll as reconciliation: on the sandbox always (it
        // sends them to this machine), against BigMarker when EXAMPLE_WEBHOOK_BASE_URL says where it reaches us
        String webhookBaseUrl = settings.webhookBaseUrl();
        main.addInitialProperty("example.webhook", String.valueOf(webhookBaseUrl != null));
        main.addInitialProperty("example.webhook-base-url", webhookBaseUrl == null ? "" : webhookBaseUrl);
        // with webhooks the poll is the reconciliation: it need not be quick (on the sandbox 2 s, to show the webhooks)
        main.addInitialProperty("example.registrations-poll-delay", webhookBaseUrl == null
                ? (settings.onSandbox() ? "300" : "30000") : (settings.onSandbox() ? "2000" : "300000"));
        if (webhookBaseUrl != null) {
            VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
            server.setBindHost(settings.onSandbox() ? "127.0.0.1" : "0.0.0.0");
            server.setBindPort(settings.webhookPort());
            main.addMainListener(new MainListenerSupport() {
                @Override
                public void beforeConfigure(BaseMainSupport camelMain) {
                    try {
                        camelMain.getCamelContext().addService(new VertxPlatformHttpServer(server));
                    } catch (Exception notAdded) {
                        throw new IllegalStateException("Cannot start the webhook server", notAdded);
                    }
                }
            });
        }
        main.addInitialProperty("example.inbox", settings.inbox().toString());
        main.addInitialProperty("example.channel", settings.channel());
        main.addInitialProperty("example.poll-delay", settings.onSandbox() ? "300" : "30000");
        main.addInitialProperty("example.upsert-sql", database.upsertSql());
        main.addInitialProperty("example.queue", QUEUE);
        main.addInitialProperty("example.crm-url", settings.crmUrl());
        if ("yaml".equalsIgnoreCase(settings.routes())) {
            main.configure().withRoutesIncludePattern("classpath:routes/*.yaml");
        } else {
            main.configure().addRoutesBuilder(new ExampleRoutes());
        }
    }

    /** Written under another name, then moved: the file route never sees half a file. */
    private static void dropSampleLeads(Path inbox) throws IOException {
        Path partial = inbox.resolve("leads.csv.partial");
        try (InputStream sample = ExampleApplication.class.getResourceAsStream(SAMPLE_LEADS)) {
            Files.copy(sample, partial, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.move(partial, inbox.resolve("leads-" + Instant.now().toEpochMilli() + ".csv"),
                StandardCopyOption.ATOMIC_MOVE);
    }

    private static boolean waitUntil(Duration timeout, BooleanSupplier done) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (done.getAsBoolean()) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    private static int count(Database database, String sql) {
        try {
            return database.count(sql);
        } catch (java.sql.SQLException failure) {
            throw new IllegalStateException(failure);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
