package org.camelbigmarker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message the component, the Spring Boot starter and the Quarkus extension throw or log at WARN or ERROR is in
 * docs/troubleshooting.md with its fix: the test reads each message's fixed beginning from the code (an exception's or
 * a log call's first literal, an exception class's own message, the problem of an InvalidParameterException) and
 * fails naming the ones the page does not show.
 */
class MessagesDocTest {

    private static final Path TROUBLESHOOTING = Path.of("..", "docs", "troubleshooting.md");
    /** A thrown exception's or a WARN/ERROR log call's first string literal. */
    private static final Pattern THROWN_OR_LOGGED = Pattern.compile(
            "(?:throw new (?!InvalidParameterException)\\w+\\(|LOG\\.(?:warn|error)\\()\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    /** An InvalidParameterException's problem (its message is "BigMarker parameter 'NAME' " + problem). */
    private static final Pattern PARAMETER_PROBLEM = Pattern.compile(
            "InvalidParameterException\\(\\s*\"[^\"]*\",\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    /** An exception class's own message: its constructor's super("...". */
    private static final Pattern OWN_MESSAGE = Pattern.compile("super\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final int WORDS = 4;

    /** The fixed words a message starts with: up to its first placeholder, at most {@value #WORDS}. */
    static String beginning(String literal) {
        String fixed = literal.split("\\{}|%s|%d")[0].replace("\\\"", "\"").replace("\\u2019", "\u2019").strip();
        String[] words = fixed.split("\\s+");
        return String.join(" ", java.util.Arrays.copyOf(words, Math.min(WORDS, words.length)));
    }

    static List<String> messages() throws IOException {
        List<String> messages = new ArrayList<>();
        for (Path root : ProjectSources.ROOTS) {
            messagesIn(root, messages);
        }
        return messages;
    }

    private static void messagesIn(Path root, List<String> messages) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file, StandardCharsets.UTF_8);
                List<Pattern> patterns = file.getFileName().toString().endsWith("Exception.java")
                        ? List.of(THROWN_OR_LOGGED, PARAMETER_PROBLEM, OWN_MESSAGE)
                        : List.of(THROWN_OR_LOGGED, PARAMETER_PROBLEM);
                for (Pattern pattern : patterns) {
                    Matcher found = pattern.matcher(source);
                    while (found.find()) {
                        String beginning = beginning(found.group(1));
                        if (beginning.length() >= 6) { // a bare name or a word: nothing to look up
                            messages.add(file.getFileName() + ": " + beginning);
                        }
                    }
                }
            }
        }
    }

    @Test
    void everyMessageIsInTroubleshootingWithItsFix() throws IOException {
        String page = Files.readString(TROUBLESHOOTING, StandardCharsets.UTF_8);
        List<String> messages = messages();
        assertThat(messages).as("messages found in the code").hasSizeGreaterThan(40);
        TreeSet<String> missing = new TreeSet<>();
        for (String message : messages) {
            String beginning = message.substring(message.indexOf(": ") + 2);
            if (!page.contains(beginning)) {
                missing.add(message);
            }
        }
        assertThat(missing).as("messages docs/troubleshooting.md does not list").isEmpty();
    }
}
