package org.camelbigmarker.consumer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camelbigmarker.ConsumerEvent;
import org.camelbigmarker.state.JdbcConsumerStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consumer kinds of docs/consumers.md and the store's tables are generated from the table of consumer kinds and
 * the store's schema, and this test fails when the committed page differs; run it with -Dbigmarker.updateDocs=true to
 * rewrite the generated parts. It also keeps the table complete: every event has a kind, every consumer option of the
 * component's metadata applies to some kind, and no kind names an option the component does not have.
 */
class ConsumerKindsDocTest {

    private static final Path CONSUMERS = Path.of("..", "docs", "consumers.md");
    private static final Path WEBHOOKS = Path.of("..", "docs", "webhooks.md");

    @Test
    void theGeneratedPartsOfTheConsumersPageMatchTheCode() throws IOException {
        checkGenerated(CONSUMERS, Map.of("consumer kinds", kindsTable(), "store tables", storeTables()));
    }

    @Test
    void theGeneratedPartOfTheWebhooksPageMatchesTheCode() throws IOException {
        checkGenerated(WEBHOOKS, Map.of("webhook kinds", webhooksTable()));
    }

    private static void checkGenerated(Path file, Map<String, String> parts) throws IOException {
        String page = Files.readString(file, StandardCharsets.UTF_8);
        String generated = page;
        for (Map.Entry<String, String> part : parts.entrySet()) {
            generated = replace(generated, part.getKey(), part.getValue());
        }
        if (Boolean.getBoolean("bigmarker.updateDocs")) {
            Files.writeString(file, generated, StandardCharsets.UTF_8);
            page = generated;
        }
        assertThat(page).as(file + " is out of date: run mvn -pl camel-bigmarker-component test"
                            + " -Dtest=ConsumerKindsDocTest -Dbigmarker.updateDocs=true").isEqualTo(generated);
    }

    @Test
    void everyEventHasAKindAndEveryConsumerOptionAppliesToSomeKind() throws IOException {
        assertThat(Arrays.stream(ConsumerKind.values()).map(ConsumerKind::event).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(ConsumerEvent.values());
        Set<String> consumerOptions = new TreeSet<>();
        metadata().path("properties").fields().forEachRemaining(option -> {
            String label = option.getValue().path("label").asText();
            if ((label.equals("consumer") || label.equals("consumer,webhook"))
                && !option.getKey().equals("sendEmptyMessageWhenIdle")) { // Camel's, for every polling consumer
                consumerOptions.add(option.getKey());
            }
        });
        Set<String> named = new TreeSet<>();
        Arrays.stream(ConsumerKind.values()).forEach(kind -> named.addAll(kind.options()));
        assertThat(named).as("options the kinds name").isEqualTo(consumerOptions);
    }

    private static String kindsTable() {
        StringBuilder table = new StringBuilder();
        table.append("| Kind | URI | Scope | An item is the same item by | Poll | Webhook | Options that apply |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (ConsumerKind kind : ConsumerKind.values()) {
            table.append("| `").append(kind.name()).append("` | `").append(kind.uri()).append("` | ")
                    .append(kind.scope().description()).append(" | ").append(kind.identityDescription()).append(" | ")
                    .append(kind.pushedOnly() ? "none: pushed only" : "reads and reconciles").append(" | ")
                    .append(kind.hasWebhook() ? "`" + kind.webhook().enableField() + "`" : "none").append(" | ")
                    .append(kind.options().stream().map(option -> "`" + option + "`")
                            .collect(Collectors.joining(", ")))
                    .append(" |\n");
        }
        return table.toString();
    }

    private static String webhooksTable() {
        StringBuilder table = new StringBuilder();
        table.append("| Consumer | Webhook it sets | On which conferences | Keyed (both ways) by |\n")
                .append("|---|---|---|---|\n");
        for (ConsumerKind kind : ConsumerKind.values()) {
            if (kind.hasWebhook()) {
                table.append("| `").append(kind.uri()).append(kind.uri().contains("webhook=true") ? "" : "&webhook=true")
                        .append("` | `").append(kind.webhook().enableField()).append("`, `")
                        .append(kind.webhook().urlField()).append("` | ").append(conferencesOf(kind)).append(" | ")
                        .append(kind.identityDescription()).append(" |\n");
            }
        }
        return table.toString();
    }

    private static String conferencesOf(ConsumerKind kind) {
        String account = "the account's " + kind.webhookConferenceTypes().stream()
                .map(type -> switch (type) {
                    case "future" -> "upcoming";
                    case "happening_now" -> "live";
                    default -> type;
                }).collect(Collectors.joining(", ")) + " conferences; new ones every `webhookConferenceCheckInterval`";
        return switch (kind.scope()) {
            case CONFERENCE -> "that one (`conferenceId`)";
            case CHANNEL -> "every upcoming conference of the channel (`channelId`); new ones every `webhookConferenceCheckInterval`";
            case CONFERENCE_OR_ACCOUNT -> "`conferenceId`, or " + account;
            default -> account;
        };
    }

    private static String storeTables() {
        return "```sql\n" + String.join(";\n", JdbcConsumerStore.createStatements("BIGMARKER")) + ";\n```\n";
    }

    /** The page with the part between the markers of {@code name} replaced. */
    private static String replace(String page, String name, String content) {
        String start = "<!-- generated: " + name + " (ConsumerKindsDocTest) -->\n";
        String end = "<!-- end of generated: " + name + " -->";
        int from = page.indexOf(start);
        int to = page.indexOf(end);
        assertThat(from).as("docs/consumers.md has the marker " + start.trim()).isNotNegative();
        assertThat(to).as("docs/consumers.md has the marker " + end).isGreaterThan(from);
        return page.substring(0, from + start.length()) + content + page.substring(to);
    }

    private static JsonNode metadata() throws IOException {
        try (InputStream in = ConsumerKindsDocTest.class
                .getResourceAsStream("/META-INF/org/camelbigmarker/bigmarker.json")) {
            return new ObjectMapper().readTree(in);
        }
    }
}
