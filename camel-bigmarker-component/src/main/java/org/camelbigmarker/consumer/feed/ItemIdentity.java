package org.camelbigmarker.consumer.feed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What makes an item the same item on the next read, by the webhook as by the poll: named fields
 * ({@code email=ann@example.com|...}), the first of several fields the item has, or, where the item has none of them,
 * its whole content ({@code sha256:...}). An identity never depends on fields that change while the item stays the
 * same (a conference is its id, whatever its title says today).
 * <p>
 * <b>Two spellings, one registrant:</b> an {@code email} field counts without its surrounding blanks and without
 * regard to letter case ({@code " Ann@Example.COM"} is {@code ann@example.com}): BigMarker shows an address as it was
 * entered, a webhook and a list may spell one registrant's differently, and mail is delivered to either. Stores
 * written before state format 4 keep e-mails as written ({@link #asWritten()}), so that their keys still match.
 */
public final class ItemIdentity {

    /** How a key made of the item's content starts (an item without any of the identity fields). */
    public static final String CONTENT_PREFIX = "sha256:";

    /** The identity of any list's items when nothing better is known: the first of these the item has. */
    public static final ItemIdentity FIRST_OF_ID_BMID_EMAIL = new ItemIdentity(List.of("id", "bmid", "email"), true,
            false, true);

    private static final String EMAIL = "email";

    private final List<String> fields;
    private final boolean firstPresentOnly;
    private final boolean withContent;
    private final boolean canonicalEmail;

    private ItemIdentity(List<String> fields, boolean firstPresentOnly, boolean withContent, boolean canonicalEmail) {
        this.fields = fields;
        this.firstPresentOnly = firstPresentOnly;
        this.withContent = withContent;
        this.canonicalEmail = canonicalEmail;
    }

    /** All of these fields (an item with none of them is its content). */
    public static ItemIdentity fields(String... fields) {
        return new ItemIdentity(List.of(fields), false, false, true);
    }

    /** The identity option: comma-separated field names, or null when it is not set. */
    public static ItemIdentity parse(String option) {
        return option == null || option.isBlank() ? null
                : new ItemIdentity(List.of(option.trim().split("\\s*,\\s*")), false, false, true);
    }

    /** These fields and the whole content: an item that repeats only when all of it repeats (pushed data). */
    public ItemIdentity withContent() {
        return new ItemIdentity(fields, firstPresentOnly, true, canonicalEmail);
    }

    /** The same, with e-mails as written: the spelling of stores written before state format 4. */
    public ItemIdentity asWritten() {
        return new ItemIdentity(fields, firstPresentOnly, withContent, false);
    }

    /** A field's value as it counts for identity: an e-mail without blanks around it and in lower case. */
    private String valueOf(JsonNode item, String field) {
        String value = text(item, field);
        return canonicalEmail && field.equalsIgnoreCase(EMAIL) ? value.strip().toLowerCase(Locale.ROOT) : value;
    }

    public String of(JsonNode item) {
        if (!item.isObject()) {
            return item.isValueNode() ? item.asText() : CONTENT_PREFIX + digest(item.toString());
        }
        StringJoiner key = new StringJoiner("|");
        boolean any = false;
        for (String field : fields) {
            String value = valueOf(item, field);
            if (firstPresentOnly && !value.isEmpty()) {
                return field + "=" + value;
            }
            any |= !value.isEmpty();
            key.add(field + "=" + value);
        }
        if (withContent) {
            return key.add(CONTENT_PREFIX + digest(item.toString())).toString();
        }
        // none of the fields: the content is the identity, never one empty key shared by every such item
        return any && !firstPresentOnly ? key.toString() : CONTENT_PREFIX + digest(item.toString());
    }

    /**
     * The start every key of an item whose {@code field} is {@code value} shares, when this identity begins with that
     * field (a channel's registrations: {@code conference_id=c1|}); empty when its keys do not start with it.
     */
    public Optional<String> prefixWhere(String field, String value) {
        return !firstPresentOnly && !fields.isEmpty() && fields.get(0).equals(field)
                ? Optional.of(field + "=" + value + "|") : Optional.empty();
    }

    /** For the docs: what the identity is made of. */
    public String describe() {
        String names = fields.stream().map(field -> "`" + field + "`").collect(Collectors.joining(", "));
        if (firstPresentOnly) {
            return "the first of " + names + " the item has, else its whole content";
        }
        return names + (withContent ? " and the whole content" : "");
    }

    /** A field's text, matching the name without regard to case (reports spell bmid BMID). */
    public static String text(JsonNode item, String field) {
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
    public static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
