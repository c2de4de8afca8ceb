package org.camelbigmarker.examples;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What the example connects to, from environment variables (or system properties of the same names). Without
 * BIGMARKER_API_KEY it runs on the embedded sandbox; every other setting has an embedded default too.
 *
 * @param apiKey       BIGMARKER_API_KEY: a real key, or null for the sandbox
 * @param baseUrl      BIGMARKER_BASE_URL: the API base URL when a key is given
 * @param channel      BIGMARKER_CHANNEL: the channel whose registrations are stored
 * @param webinar      BIGMARKER_WEBINAR: the webinar leads are registered to when their row names none
 * @param jdbcUrl      EXAMPLE_JDBC_URL: H2 (default, a file under the work directory) or PostgreSQL
 * @param jdbcUser     EXAMPLE_JDBC_USER
 * @param jdbcPassword EXAMPLE_JDBC_PASSWORD
 * @param crmUrl       EXAMPLE_CRM_URL: where attendance reports are POSTed as JSON (default: captured by the sandbox)
 * @param workDir      EXAMPLE_WORK_DIR: leads inbox, rejected leads, database files
 * @param routes       EXAMPLE_ROUTES: java (default) or yaml, the same flows in the YAML DSL
 * @param timeout      EXAMPLE_TIMEOUT_SECONDS: how long the run may take (on the real API: how long it runs)
 * @param webhookBaseUrl EXAMPLE_WEBHOOK_BASE_URL: where BigMarker reaches this application's webhook server (on the
 *                     sandbox: this machine; against BigMarker: none, so no webhooks, unless given)
 * @param webhookPort  EXAMPLE_WEBHOOK_PORT: the port of that server (default 8080; on the sandbox a free one)
 */
public record ExampleSettings(String apiKey, String baseUrl, String channel, String webinar, String jdbcUrl,
        String jdbcUser, String jdbcPassword, String crmUrl, Path workDir, String routes, Duration timeout,
        String webhookBaseUrl, int webhookPort) {

    public static ExampleSettings from(Map<String, String> env) {
        Path workDir = Path.of(get(env, "EXAMPLE_WORK_DIR", "target/bigmarker-example")).toAbsolutePath();
        return new ExampleSettings(get(env, "BIGMARKER_API_KEY", null),
                get(env, "BIGMARKER_BASE_URL", "https://www.bigmarker.com/api/v1"),
                get(env, "BIGMARKER_CHANNEL", "acme-webinars"),
                get(env, "BIGMARKER_WEBINAR", "c0ffee01"),
                get(env, "EXAMPLE_JDBC_URL", "jdbc:h2:file:" + workDir.resolve("db/bigmarker")),
                get(env, "EXAMPLE_JDBC_USER", "sa"),
                get(env, "EXAMPLE_JDBC_PASSWORD", ""),
                get(env, "EXAMPLE_CRM_URL", null),
                workDir,
                get(env, "EXAMPLE_ROUTES", "java"),
                Duration.ofSeconds(Long.parseLong(get(env, "EXAMPLE_TIMEOUT_SECONDS", "60"))),
                get(env, "EXAMPLE_WEBHOOK_BASE_URL", null),
                Integer.parseInt(get(env, "EXAMPLE_WEBHOOK_PORT", "8080")));
    }

    private static String get(Map<String, String> env, String name, String otherwise) {
        String value = env.getOrDefault(name, System.getProperty(name));
        return value == null || value.isBlank() ? otherwise : value;
    }

    public boolean onSandbox() {
        return apiKey == null;
    }

    public Path inbox() {
        return workDir.resolve("leads");
    }

    public Path rejectsFile() {
        return workDir.resolve("rejected-leads.csv");
    }

    /** The same settings pointed at a running sandbox (its base URL, and its CRM capture unless a CRM URL is set). */
    public ExampleSettings withSandbox(String sandboxBaseUrl, String sandboxCrmUrl) {
        int port = freeLoopbackPort();
        return new ExampleSettings(null, sandboxBaseUrl, channel, webinar, jdbcUrl, jdbcUser, jdbcPassword,
                crmUrl != null ? crmUrl : sandboxCrmUrl + "/attendance", workDir, routes, timeout,
                "http://127.0.0.1:" + port, port);
    }

    /** The same settings with another timeout. */
    public ExampleSettings withTimeout(Duration otherTimeout) {
        return new ExampleSettings(apiKey, baseUrl, channel, webinar, jdbcUrl, jdbcUser, jdbcPassword, crmUrl, workDir,
                routes, otherTimeout, webhookBaseUrl, webhookPort);
    }

    private static int freeLoopbackPort() {
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return free.getLocalPort();
        } catch (java.io.IOException none) {
            throw new java.io.UncheckedIOException(none);
        }
    }
}
