package org.camelbigmarker.consumer.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;



/**
 * The unguessable part of a webhook route's URL: 128 random bits, kept in the consumer store so that it survives a
 * restart (BigMarker keeps posting to the URL it was given) and is the same on every node sharing the store.
 * BigMarker signs nothing, so this token is all that tells its POSTs from anyone else's.
 */
public final class WebhookToken {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String value;

    private WebhookToken(String value) {
        this.value = value;
    }

    static WebhookToken of(WebhookRecords records) {
        return new WebhookToken(records.token(() -> {
            byte[] bits = new byte[16];
            RANDOM.nextBytes(bits);
            return HexFormat.of().formatHex(bits);
        }));
    }

    /** Compared in constant time: how long the answer takes tells nothing about how much of a guess was right. */
    boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(value.getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }

    String value() {
        return value;
    }

    @Override
    public String toString() {
        return "WebhookToken[hidden]";
    }
}
