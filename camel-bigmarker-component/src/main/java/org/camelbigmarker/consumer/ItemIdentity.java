package org.camelbigmarker.consumer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What makes an item the same item on the next poll. Either the fields the user names (identity option), or the
 * first of id, bmid and email the item has; items with none of them (chat lines, activity rows, plain ids) are
 * identified by their whole content.
 */
final class ItemIdentity {

    private static final List<String> DEFAULT_FIELDS = List.of("id", "bmid", "email");
    /** How a key made of the item's content starts (an item without any of the identity fields). */
    static final String CONTENT_PREFIX = "sha256:";

    private final List<String> fields;

    ItemIdentity(List<String> fields) {
        this.fields = fields;
    }

    static ItemIdentity parse(String option) {
        return new ItemIdentity(option == null || option.isBlank() ? List.of()
                : List.of(option.trim().split("\\s*,\\s*")));
    }

    String of(JsonNode item) {
        if (!item.isObject()) {
            return item.isValueNode() ? item.asText() : CONTENT_PREFIX + digest(item.toString());
        }
        if (!fields.isEmpty()) {
            StringJoiner key = new StringJoiner("|");
            boolean any = false;
            for (String field : fields) {
                String value = text(item, field);
                any |= !value.isEmpty();
                key.add(value);
            }
            // none of the named fields: the content is the identity, never one empty key shared by every such item
            return any ? key.toString() : CONTENT_PREFIX + digest(item.toString());
        }
        for (String field : DEFAULT_FIELDS) {
            String value = text(item, field);
            if (!value.isEmpty()) {
                return field + "=" + value;
            }
        }
        return CONTENT_PREFIX + digest(item.toString());
    }

    /** A field's text, matching the name without regard to case (reports spell bmid BMID). */
    static String text(JsonNode item, String field) {
        JsonNode value = item.get(field);
        if (value == null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> entry = it.next();
                if (entry.getKey().equalsIgnoreCase(field)) {
                    value = entry.getValue();
                    break;
                }
            }
        }
        return value == null || value.isNull() ? "" : value.isValueNode() ? value.asText() : value.toString();
    }

    /** SHA-256 of the text, in hex. */
    static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
