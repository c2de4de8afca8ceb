package org.camelbigmarker.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.util.StringHelper;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;

/**
 * The component's option names as the component's Camel metadata lists them, how a property was written in the
 * application's configuration, and the option nearest to a misspelt one.
 */
final class OptionNames {

    private static final String METADATA = "/META-INF/org/camelbigmarker/bigmarker.json";
    private static final String PREFIX = BigMarkerComponentAutoConfiguration.PREFIX + ".";

    private OptionNames() {
    }

    /** The component's options (camelCase), from its metadata. */
    static List<String> options() {
        try (InputStream in = OptionNames.class.getResourceAsStream(METADATA)) {
            JsonNode metadata = new ObjectMapper().readTree(in);
            List<String> names = new ArrayList<>();
            metadata.path("componentProperties").fieldNames().forEachRemaining(names::add);
            return names;
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** Each unknown option (as bound, camelCase) as the property was written, with the nearest option's property. */
    static Map<String, String> suggestions(Iterable<String> unknown, Environment environment) {
        List<String> options = options();
        Map<String, String> suggestions = new LinkedHashMap<>();
        for (String option : unknown) {
            String nearest = nearest(option, options);
            suggestions.put(asWritten(option, environment),
                    nearest == null ? null : PREFIX + StringHelper.camelCaseToDash(nearest));
        }
        return suggestions;
    }

    /** The property as it appears in the application's configuration; else its canonical (kebab-case) form. */
    static String asWritten(String option, Environment environment) {
        if (environment instanceof ConfigurableEnvironment configurable) {
            for (var source : configurable.getPropertySources()) {
                if (source instanceof EnumerablePropertySource<?> enumerable) {
                    for (String name : enumerable.getPropertyNames()) {
                        if (name.toLowerCase(Locale.ROOT).startsWith(PREFIX)
                            && normalized(name.substring(PREFIX.length()).split("\\.")[0])
                                    .equals(normalized(option))) {
                            return name;
                        }
                    }
                }
            }
        }
        return PREFIX + StringHelper.camelCaseToDash(option);
    }

    private static String normalized(String name) {
        return name.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }

    /** The option nearest to {@code written}: at most 3 letters (or a third of them) apart, or null. */
    static String nearest(String written, List<String> options) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String option : options) {
            int distance = distance(normalized(written), normalized(option));
            if (distance < bestDistance) {
                best = option;
                bestDistance = distance;
            }
        }
        return bestDistance <= Math.max(3, written.length() / 3) ? best : null;
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
