package org.camelbigmarker.operation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The kinds of values the BigMarker API documents, and how a Java value is turned into what goes on the wire.
 * Each {@link #coerce} either returns the wire value or throws {@link InvalidParameterException} naming the parameter,
 * so that nothing is sent with a value of the wrong kind.
 */
public enum ParameterType {
    /** Text; numbers and booleans are accepted and sent as their text. */
    STRING("text") {
        @Override
        Object convert(Object value) {
            return isScalar(value) ? value.toString() : null;
        }
    },
    INTEGER("whole number") {
        @Override
        Object convert(Object value) {
            if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
                return ((Number) value).longValue();
            }
            if (value instanceof CharSequence text && text.toString().trim().matches("-?\\d+")) {
                return Long.parseLong(text.toString().trim());
            }
            return null;
        }
    },
    BOOLEAN("boolean (true or false)") {
        @Override
        Object convert(Object value) {
            if (value instanceof Boolean) {
                return value;
            }
            if (value instanceof CharSequence text) {
                String s = text.toString().trim();
                if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
                    return Boolean.valueOf(s);
                }
            }
            return null;
        }
    },
    /** A JSON array: a Collection, a Java array, or JSON text starting with '['. */
    ARRAY("list") {
        @Override
        Object convert(Object value) {
            if (value instanceof Collection<?> || value instanceof Object[]) {
                return value;
            }
            if (value instanceof CharSequence text && text.toString().trim().startsWith("[")) {
                return new JsonText(text.toString().trim());
            }
            return null;
        }
    },
    /** A value the API wants as JSON text (custom_fields in a form, webinar_tags in a query): a Map, List or JSON text. */
    JSON_TEXT("JSON object or list") {
        @Override
        Object convert(Object value) {
            if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
                return new JsonText(value);
            }
            if (value instanceof CharSequence text) {
                String s = text.toString().trim();
                if (s.startsWith("{") || s.startsWith("[")) {
                    return new JsonText(s);
                }
            }
            return null;
        }
    },
    /**
     * Comma-separated ids or emails: a String as it is, a Collection joined with ',', or JSON array text such as
     * ["a","b"] joined the same way. Blank elements are dropped, so an empty list stays recognisably empty.
     */
    CSV("comma-separated text or a list") {
        @Override
        Object convert(Object value) {
            if (value instanceof Iterable<?> items) {
                return joined(StreamSupport.stream(items.spliterator(), false).map(String::valueOf));
            }
            if (value instanceof CharSequence text && text.toString().trim().startsWith("[")
                && text.toString().trim().endsWith("]")) {
                String inside = text.toString().trim();
                return joined(Stream.of(inside.substring(1, inside.length() - 1).split(","))
                        .map(element -> element.trim().replaceAll("^\"|\"$", "")));
            }
            return isScalar(value) ? value.toString() : null;
        }

        private static String joined(Stream<String> elements) {
            return elements.filter(element -> !element.isBlank()).collect(Collectors.joining(","));
        }
    },
    /** Unix time in seconds (list filters): a number, digits, an Instant, a Date or a date-time with offset. */
    EPOCH_SECONDS("Unix time in seconds") {
        @Override
        Object convert(Object value) {
            Long millis = epochMillis(value, false);
            return millis == null ? null : String.valueOf(millis / 1000);
        }
    },
    /** Unix time in milliseconds (email analytics): a number, digits, an Instant, a Date or a date-time. */
    EPOCH_MILLIS("Unix time in milliseconds") {
        @Override
        Object convert(Object value) {
            Long millis = epochMillis(value, true);
            return millis == null ? null : String.valueOf(millis);
        }
    };

    private final String description;

    ParameterType(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The wire value, or an exception naming {@code parameter} and what it expected. */
    public Object coerce(String parameter, Object value) {
        Object converted = convert(value);
        if (converted == null) {
            throw new InvalidParameterException(parameter, "expects " + description + " but got "
                                                           + describe(value));
        }
        return converted;
    }

    abstract Object convert(Object value);

    private static boolean isScalar(Object value) {
        return value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?>;
    }

    private static Long epochMillis(Object value, boolean numbersAreMillis) {
        long factor = numbersAreMillis ? 1 : 1000;
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue() * factor;
        }
        if (value instanceof CharSequence text && text.toString().trim().matches("\\d+")) {
            return Long.parseLong(text.toString().trim()) * factor;
        }
        if (value instanceof Instant instant) {
            return instant.toEpochMilli();
        }
        if (value instanceof Date date) {
            return date.getTime();
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant().toEpochMilli();
        }
        if (value instanceof ZonedDateTime time) {
            return time.toInstant().toEpochMilli();
        }
        return null;
    }

    private static String describe(Object value) {
        if (value instanceof CharSequence) {
            String text = value.toString();
            return "'" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'";
        }
        return value == null ? "null" : "a " + value.getClass().getName();
    }

    /** Wire value that is JSON text: an already serialised String, or an object to serialise. */
    public record JsonText(Object value) {
    }

}
