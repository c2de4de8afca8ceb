package org.camelbigmarker.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monitoring docs are derived from the meter table: docs/operations.md's table is generated from
 * {@link BigMarkerMeter} (run with -Dbigmarker.updateDocs=true to rewrite it), and the alert rules and the Grafana
 * dashboard parse and name only meters the component publishes, as a Prometheus scrape names them.
 */
class MonitoringDocsTest {

    private static final Path OPERATIONS = Path.of("..", "docs", "operations.md");
    private static final Path ALERTS = Path.of("..", "docs", "monitoring", "bigmarker-alerts.yml");
    private static final Path DASHBOARD = Path.of("..", "docs", "monitoring", "bigmarker-dashboard.json");
    private static final Pattern NAME = Pattern.compile("bigmarker_[a-z_]+");
    private static final String START = "<!-- meters: generated from BigMarkerMeter by MonitoringDocsTest; run it with"
                                        + " -Dbigmarker.updateDocs=true -->\n";
    private static final String END = "<!-- /meters -->";

    /** As Micrometer's Prometheus registry names a meter: dots to underscores, the base unit, _total on counters. */
    static String prometheusName(BigMarkerMeter meter) {
        return meter.meterName().replace('.', '_') + (meter.baseUnit() == null ? "" : "_" + meter.baseUnit())
               + (meter.type() == BigMarkerMeter.Type.COUNTER ? "_total" : "");
    }

    static Set<String> publishedNames() {
        return Stream.of(BigMarkerMeter.values()).map(MonitoringDocsTest::prometheusName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static String table() {
        StringBuilder table = new StringBuilder("| Meter | Prometheus | Type | Tags | JMX attribute | Meaning |\n"
                                                + "|---|---|---|---|---|---|\n");
        for (BigMarkerMeter meter : BigMarkerMeter.values()) {
            table.append("| `").append(meter.meterName()).append("` | `").append(prometheusName(meter)).append("` | ")
                    .append(meter.type().name().toLowerCase(java.util.Locale.ROOT))
                    .append(meter.baseUnit() == null ? "" : ", " + meter.baseUnit()).append(" | ")
                    .append(String.join(", ", meter.tags())).append(" | ").append(meter.jmxAttribute()).append(" | ")
                    .append(meter.description()).append(" |\n");
        }
        return table.toString();
    }

    @Test
    void theOperationsPageListsEveryMeterAsTheTableSays() throws IOException {
        String page = Files.readString(OPERATIONS, StandardCharsets.UTF_8);
        int start = page.indexOf(START);
        int end = page.indexOf(END);
        assertThat(start).as("the generated table's markers").isNotNegative();
        String generated = page.substring(0, start + START.length()) + table() + page.substring(end);
        if (Boolean.getBoolean("bigmarker.updateDocs")) {
            Files.writeString(OPERATIONS, generated, StandardCharsets.UTF_8);
            page = generated;
        }
        assertThat(page).as("docs/operations.md's meter table is out of date: run MonitoringDocsTest with"
                            + " -Dbigmarker.updateDocs=true").isEqualTo(generated);
    }

    @Test
    void theAlertRulesParseAndNameOnlyPublishedMeters() throws IOException {
        JsonNode rules = new ObjectMapper(new YAMLFactory()).readTree(ALERTS.toFile());
        List<String> expressions = new ArrayList<>();
        rules.path("groups").forEach(group -> group.path("rules")
                .forEach(rule -> expressions.add(rule.path("expr").asText())));
        assertThat(expressions).as("alert rules").hasSizeGreaterThanOrEqualTo(3);
        assertNamesPublished(expressions);
    }

    @Test
    void theDashboardParsesAndNamesOnlyPublishedMeters() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        List<String> expressions = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> panel.path("targets")
                .forEach(target -> expressions.add(target.path("expr").asText())));
        assertThat(expressions).as("panel queries").hasSizeGreaterThanOrEqualTo(10);
        assertNamesPublished(expressions);
        Set<String> shown = namesIn(expressions);
        assertThat(shown).as("the dashboard shows what is paged on").contains("bigmarker_consumer_lag_seconds",
                "bigmarker_consumer_poll_since_success_seconds", "bigmarker_consumer_items_given_up_kept");
    }

    private static void assertNamesPublished(List<String> expressions) {
        Set<String> named = namesIn(expressions);
        assertThat(named).isNotEmpty();
        assertThat(publishedNames()).containsAll(named);
    }

    private static Set<String> namesIn(List<String> expressions) {
        Set<String> names = new TreeSet<>();
        for (String expression : expressions) {
            Matcher name = NAME.matcher(expression);
            while (name.find()) {
                names.add(name.group());
            }
        }
        return names;
    }
}
