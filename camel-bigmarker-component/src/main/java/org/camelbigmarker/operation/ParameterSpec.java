package org.camelbigmarker.operation;

/**
 * One documented request parameter: its API name (snake_case, as in the BigMarker document), kind, and whether the
 * action cannot be sent without it. {@code alias} is the well-known name that also fills it (usually the name itself).
 */
public record ParameterSpec(String name, ParameterType type, boolean required, boolean inPath, String alias) {

    /**
     * Parses the compact notation of the operation table: {@code name[:kind][!]}, where kind is one of int, bool,
     * array, json, csv, seconds, millis (default text) and '!' marks a required parameter. {@code id(conference_id)}
     * says that the wire name is id but the value is a conference id: the conferenceId option and header fill it.
     */
    public static ParameterSpec parse(String token) {
        boolean required = token.endsWith("!");
        String body = required ? token.substring(0, token.length() - 1) : token;
        String alias = null;
        int open = body.indexOf('(');
        if (open > 0) {
            alias = body.substring(open + 1, body.indexOf(')'));
            body = body.substring(0, open) + body.substring(body.indexOf(')') + 1);
        }
        int colon = body.indexOf(':');
        String name = colon < 0 ? body : body.substring(0, colon);
        ParameterType type = colon < 0 ? ParameterType.STRING : kind(body.substring(colon + 1), token);
        return new ParameterSpec(name, type, required, false, alias == null ? name : alias);
    }

    public static ParameterSpec pathParameter(String name) {
        return new ParameterSpec(name, ParameterType.STRING, true, true, name);
    }

    private static ParameterType kind(String kind, String token) {
        return switch (kind) {
            case "int" -> ParameterType.INTEGER;
            case "bool" -> ParameterType.BOOLEAN;
            case "array" -> ParameterType.ARRAY;
            case "json" -> ParameterType.JSON_TEXT;
            case "csv" -> ParameterType.CSV;
            case "seconds" -> ParameterType.EPOCH_SECONDS;
            case "millis" -> ParameterType.EPOCH_MILLIS;
            default -> throw new IllegalStateException("Unknown parameter kind in operation table: " + token);
        };
    }
}
