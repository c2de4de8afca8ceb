package org.camelbigmarker.operation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP method and a path template below the API base URL, written as in the table: {@code "GET /conferences/{id}"}.
 * Placeholders in braces are path parameters.
 */
public record Route(String method, String template, List<String> pathParameters) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

    public static Route parse(String line) {
        int space = line.indexOf(' ');
        String method = line.substring(0, space);
        String template = line.substring(space + 1);
        List<String> names = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return new Route(method, template, Collections.unmodifiableList(names));
    }

    /** Replaces each placeholder by its (already encoded) value. */
    public String expand(java.util.function.UnaryOperator<String> encodedValueOf) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(path, Matcher.quoteReplacement(encodedValueOf.apply(matcher.group(1))));
        }
        matcher.appendTail(path);
        return path.toString();
    }
}
