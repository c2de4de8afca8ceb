package org.camelbigmarker.operation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP method and a path template below the API base URL, written as in the table: {@code "GET /conferences/{id}"}.
 * Placeholders in braces are path parameters. The template is split once, so expanding it per call is a plain
 * concatenation.
 */
public record HttpRoute(String method, String template, List<String> pathParameters, List<String> parts) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

    /** @param line "METHOD /path/{name}/more" */
    public static HttpRoute parse(String line) {
        int space = line.indexOf(' ');
        String method = line.substring(0, space);
        String template = line.substring(space + 1);
        List<String> names = new ArrayList<>();
        List<String> parts = new ArrayList<>(); // literal, name, literal, name, ..., literal
        Matcher matcher = PLACEHOLDER.matcher(template);
        int literalStart = 0;
        while (matcher.find()) {
            parts.add(template.substring(literalStart, matcher.start()));
            parts.add(matcher.group(1));
            names.add(matcher.group(1));
            literalStart = matcher.end();
        }
        parts.add(template.substring(literalStart));
        return new HttpRoute(method, template, Collections.unmodifiableList(names), Collections.unmodifiableList(parts));
    }

    /** Replaces each placeholder by its (already encoded) value. */
    public String expand(UnaryOperator<String> encodedValueOf) {
        StringBuilder path = new StringBuilder(template.length() + 32);
        for (int i = 0; i < parts.size(); i++) {
            path.append(i % 2 == 0 ? parts.get(i) : encodedValueOf.apply(parts.get(i)));
        }
        return path.toString();
    }
}
