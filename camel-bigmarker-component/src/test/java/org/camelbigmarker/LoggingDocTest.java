package org.camelbigmarker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/logging.md lists exactly the logger categories that log: every class of the component with a logger it calls
 * is on the page, and every category on the page is such a class (or the consumer, whose category Camel's exception
 * handler logs under).
 */
class LoggingDocTest {

    private static final Path LOGGING = Path.of("..", "docs", "logging.md");
    /** SLF4J's calls, and JBoss Logging's (the Quarkus extension's) with their formatting variants. */
    private static final Pattern LOGS = Pattern.compile("LOG\\.(trace|debug|info|warn|error)f?\\(");
    /** Camel's LoggingExceptionHandler logs a consumer's failures under the consumer's class. */
    private static final String EXCEPTION_HANDLER_CATEGORY = "org.camelbigmarker.consumer.BigMarkerConsumer";

    static Set<String> categoriesThatLog() throws IOException {
        Set<String> categories = new TreeSet<>();
        for (Path root : ProjectSources.ROOTS) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                    String source = Files.readString(file, StandardCharsets.UTF_8);
                    boolean hasLogger = source.contains("LoggerFactory.getLogger(")
                                        || source.contains("Logger.getLogger(");
                    if (hasLogger && LOGS.matcher(source).find()) {
                        categories.add(root.relativize(file).toString().replace('/', '.').replace(".java", ""));
                    }
                }
            }
        }
        return categories;
    }

    @Test
    void thePageListsTheCategoriesThatLogAndNoOther() throws IOException {
        String page = Files.readString(LOGGING, StandardCharsets.UTF_8);
        Set<String> listed = new TreeSet<>();
        Matcher category = Pattern.compile("\\| `(org\\.camelbigmarker\\.[A-Za-z.]+)` \\|").matcher(page);
        while (category.find()) {
            listed.add(category.group(1));
        }
        Set<String> logging = categoriesThatLog();
        assertThat(logging).as("categories that log").hasSizeGreaterThan(10);
        Set<String> expected = new TreeSet<>(logging);
        expected.add(EXCEPTION_HANDLER_CATEGORY);
        assertThat(listed).as("docs/logging.md's categories").isEqualTo(expected);
    }
}
