package org.camelbigmarker.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.camelbigmarker.sandbox.BigMarkerSandbox;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every flow, in the Java DSL and in the YAML DSL, against the sandbox: what landed in the database, the queue, the
 * rejects file and the CRM; and a restart that neither loses nor repeats.
 */
class ExamplesEndToEndTest {

    private static ExampleSettings settings(Path workDir, String routes) {
        return ExampleSettings.from(Map.of("EXAMPLE_WORK_DIR", workDir.toString(), "EXAMPLE_ROUTES", routes,
                "EXAMPLE_TIMEOUT_SECONDS", "45"));
    }

    /** The PostgreSQL path of the examples (chosen by the JDBC URL), on a real PostgreSQL 14. */
    private static ExampleSettings onPostgres(Path workDir, String routes, EmbeddedPostgres postgres) {
        return ExampleSettings.from(Map.of("EXAMPLE_WORK_DIR", workDir.toString(), "EXAMPLE_ROUTES", routes,
                "EXAMPLE_TIMEOUT_SECONDS", "45", "EXAMPLE_JDBC_URL", postgres.getJdbcUrl("postgres", "postgres"),
                "EXAMPLE_JDBC_USER", "postgres"));
    }

    @ParameterizedTest
    @CsvSource({ "java,h2", "yaml,h2", "java,postgresql", "yaml,postgresql" })
    void everyFlowDeliversWhereItShould(String routes, String database, @TempDir Path workDir) throws Exception {
        try (BigMarkerSandbox sandbox = ExampleApplication.startSandbox();
             EmbeddedPostgres postgres = database.equals("postgresql") ? EmbeddedPostgres.builder().start() : null) {
            ExampleSettings settings = (postgres == null ? settings(workDir, routes) : onPostgres(workDir, routes, postgres))
                    .withSandbox(sandbox.baseUrl(), sandbox.crmUrl());
            assertThat(settings.jdbcUrl()).startsWith("jdbc:" + database + ":");
            Summary summary = ExampleApplication.runWith(settings, sandbox, new PrintStream(new ByteArrayOutputStream()));

            assertThat(summary.finished()).as("finished before the timeout").isTrue();
            // leads: 3 registered at BigMarker, 3 rejected with their reasons
            assertThat(summary.leadsRegistered()).isEqualTo(3);
            assertThat(sandbox.registrations("c0ffee01")).contains("ada.lovelace@example.com",
                    "joan.clarke@example.com");
            assertThat(sandbox.registrations("c0ffee02")).contains("charles.babbage@example.com");
            List<String> rejects = Files.readAllLines(settings.rejectsFile());
            assertThat(rejects).hasSize(4);
            assertThat(rejects.get(1)).contains("not-an-email").contains("invalid email");
            assertThat(rejects.get(2)).contains("mary.jackson@example.com").contains("missing first_name");
            assertThat(rejects.get(3)).contains("annie.easley@example.com").contains("HTTP 404 conference_not_found");
            // database: every registration of the channel, once
            assertThat(summary.registrationsStored()).isEqualTo(sandbox.registrationCount()).isEqualTo(12);
            assertThat(summary.registrationsDeliveredThisRun()).isEqualTo(12);
            // the registrations made while it runs come by webhook; those made before, and those to a live webinar
            // (no webhook: only upcoming ones are followed), by the poll
            assertThat(summary.registrationsByWebhook()).as("by webhook").isPositive().isLessThan(12);
            // queue and CRM: live attendees and no-shows of both ended webinars
            assertThat(summary.queueDepth()).isEqualTo(4);
            Set<String> crm = sandbox.crmPosts().stream()
                    .map(post -> post.body().path("conference_id").asText() + "/" + post.body().path("report").asText())
                    .collect(Collectors.toSet());
            assertThat(crm).containsExactlyInAnyOrder("c0ffee00/reportLiveAttendees", "c0ffee00/reportNoShows",
                    "c0ffee03/reportLiveAttendees", "c0ffee03/reportNoShows");
            JsonNode live = sandbox.crmPosts().stream()
                    .filter(post -> post.body().path("conference_id").asText().equals("c0ffee03")
                                    && post.body().path("report").asText().equals("reportLiveAttendees"))
                    .findFirst().orElseThrow().body();
            assertThat(live.path("rows")).hasSize(3);
            assertThat(live.path("rows").get(0).path("email").asText()).endsWith("@example.com");
        }
        // a non-daemon thread left behind keeps `exec:java` (the README command) from ever ending
        assertThat(Thread.getAllStackTraces().keySet()).filteredOn(Thread::isAlive)
                .filteredOn(thread -> !thread.isDaemon())
                .extracting(Thread::getName)
                .noneMatch(name -> name.contains("artemis") || name.contains("InVMConnector")
                                   || name.startsWith("Camel"));
    }

    @Test
    void aRestartNeitherLosesNorRepeats(@TempDir Path workDir) throws Exception {
        try (BigMarkerSandbox sandbox = ExampleApplication.startSandbox()) {
            ExampleSettings settings = settings(workDir, "java").withSandbox(sandbox.baseUrl(), sandbox.crmUrl());
            PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
            Summary first = ExampleApplication.runWith(settings, sandbox, quiet);
            assertThat(first.finished()).isTrue();

            sandbox.register("c0ffee01", "after.restart@example.com", "After", "Restart", Map.of());
            ExampleSettings shortRun = settings.withTimeout(java.time.Duration.ofSeconds(4));
            Summary second = ExampleApplication.runWith(shortRun, sandbox, quiet);

            assertThat(second.registrationsDeliveredThisRun()).as("only the registration made while it was down")
                    .isEqualTo(1);
            assertThat(second.registrationsStored()).isEqualTo(sandbox.registrationCount()).isEqualTo(13);
            assertThat(second.reports()).as("reports were delivered before the restart").isEmpty();
            assertThat(sandbox.crmPosts()).hasSize(4);
        }
    }
}
