package org.camelbigmarker.consumer.feed;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.camelbigmarker.BigMarkerOperation;
import org.camelbigmarker.consumer.delivery.GivenUpItems;
import org.camelbigmarker.state.ConsumerStore;

/**
 * The consumer store as the consumers see it: typed state (cursors, reconciliation stamps, followed conferences,
 * webhook records) and every name of an entry, in one place. A scope is what one feed
 * watches (an operation and a digest of its parameters, see Scopes); names are stable across restarts and
 * nodes.
 * <p>
 * The formats are version {@value #FORMAT}. A store remembers the version it was written with; a consumer refuses a
 * store written with another, since it would read none of its keys and deliver everything again.
 */
public final class FeedState {

    /**
     * The version of the formats below; change it with any change to them. 2: item identities are the consumer
     * kind's in every mode (named fields, {@code email=...}), claims are held per delivery in epoch milliseconds.
     * 3: a list's item keys start with a digest of the scope instead of {@code bigmarker:<scope>:}, a third of a
     * key's length. 4: an e-mail in an identity is spelled canonically (see {@link ItemIdentity}), so that a
     * registrant pushed as {@code Ann@Example.com} and listed as {@code ann@example.com} is one item. Stores of the
     * earlier formats keep their keys and spellings ({@link #FORMATS}).
     */
    static final String FORMAT = "4";
    private static final String FORMAT_NAME = "bigmarker-state-format";
    /** The key the delivery ledger claims, records and forgets at start to prove the store works. */
    public static final String PROBE_KEY = "bigmarker-probe:store-check";
    /** What a store's format decides: how a list's item keys start, and whether e-mails are spelled canonically. */
    private record Format(UnaryOperator<String> itemPrefixOfScope, boolean canonicalEmails) {
    }

    private static final UnaryOperator<String> DIGEST_OF_SCOPE = scope -> ItemIdentity.digest(scope).substring(0, 12)
                                                                          + ":";
    /** Every format this version reads, by the version a store was written with. */
    private static final Map<String, Format> FORMATS = Map.of(
            "2", new Format(scope -> "bigmarker:" + scope + ":", false),
            "3", new Format(DIGEST_OF_SCOPE, false),
            FORMAT, new Format(DIGEST_OF_SCOPE, true));

    private final ConsumerStore store;
    private Format format = FORMATS.get(FORMAT);

    public FeedState(ConsumerStore store) {
        this.store = store;
    }

    /**
     * Checks, or on first use records, the format version of a store; a store of an earlier format this version
     * still reads keeps its format.
     */
    public void checkFormat() {
        String written = store.value(FORMAT_NAME);
        if (written == null) {
            store.setValue(FORMAT_NAME, FORMAT);
        } else if (FORMATS.containsKey(written)) {
            format = FORMATS.get(written);
        } else {
            throw new IllegalStateException("The BigMarker consumer store was written with state format " + written
                                            + "; this version of camel-bigmarker reads formats "
                                            + new java.util.TreeSet<>(FORMATS.keySet())
                                            + ". Use the version that wrote it, or a new store (startFrom decides"
                                            + " where a new store starts); see docs/upgrading.md.");
        }
    }

    public ListState list(String scope) {
        return new ListState(store, scope, new ListState.Names("bigmarker-cursor:" + scope,
                "bigmarker-reconciled:" + scope, "bigmarker-floor:" + scope, itemPrefix(scope)));
    }

    FollowedConferences followed(String scope) {
        return new FollowedConferences(new PrefixedValues(store, "bigmarker-tracked:" + scope + "#"));
    }

    /** A webhook consumer's URL token (the one value named ""). */
    public PrefixedValues webhookToken(String scope) {
        return new PrefixedValues(store, "bigmarker-webhook-token:" + scope);
    }

    /** A webhook consumer's record of each conference's webhook fields before it changed them, by conference. */
    public PrefixedValues webhookPrevious(String scope) {
        return new PrefixedValues(store, "bigmarker-webhook-previous:" + scope + "#");
    }

    /**
     * The items a consumer gave up on, kept under its scope (its kind and the options naming what it watches, stable
     * across restarts and nodes); each record is named by a digest of its key, since keys may be as long as a name.
     */
    public GivenUpItems givenUp(String kind, Map<String, Object> watched, java.time.Clock clock) {
        String prefix = "bigmarker-given-up:" + Scopes.ofConsumer(kind, watched) + "#";
        return new GivenUpItems(store, prefix, key -> prefix + ItemIdentity.digest(key).substring(0, 32), clock);
    }

    /** How the keys of a list's items start, in the store's format: then comes the item's identity. */
    private String itemPrefix(String scope) {
        return format.itemPrefixOfScope().apply(scope);
    }

    /** {@code identity} as this store's format spells it: e-mails canonical, or as written in stores before format 4. */
    public ItemIdentity spelled(ItemIdentity identity) {
        return format.canonicalEmails() ? identity : identity.asWritten();
    }

    /** A row of a report: {@code ...#<identity>}, or {@code ...#sha256:<content digest>#<occurrence>} without an id. */
    static String reportRowKey(String conference, BigMarkerOperation report, String identity) {
        return reportKey(conference, report) + "#" + identity;
    }

    /** A report delivered as one exchange. */
    static String reportKey(String conference, BigMarkerOperation report) {
        return "bigmarker-report:" + conference + ":" + report;
    }

    /** A report all of whose rows were delivered. */
    static String reportDoneKey(String conference, BigMarkerOperation report) {
        return "bigmarker-report-done:" + conference + ":" + report;
    }

    /** A conference whose reports are all delivered and no longer followed. */
    static String reportsFinishedKey(String conference) {
        return "bigmarker-reports-finished:" + conference + ":";
    }

    /** Forgets every delivered report, row and mark of one conference: its reports are delivered again. */
    int forgetReportsOf(String conference) {
        return store.forgetDelivered("bigmarker-report:" + conference + ":", Long.MAX_VALUE)
               + store.forgetDelivered("bigmarker-report-done:" + conference + ":", Long.MAX_VALUE)
               + store.forgetDelivered(reportsFinishedKey(conference), Long.MAX_VALUE);
    }

    /** The conferences whose reports are followed: each with when it was seen ended (BigMarker's clock, seconds). */
    static final class FollowedConferences {

        private final PrefixedValues values;

        private FollowedConferences(PrefixedValues values) {
            this.values = values;
        }

        Map<String, Long> all() {
            Map<String, Long> followed = new LinkedHashMap<>();
            values.all().forEach((conference, endedAt) -> followed.put(conference, Long.parseLong(endedAt)));
            return followed;
        }

        void follow(String conference, long endedAt) {
            values.set(conference, String.valueOf(endedAt));
        }

        void stopFollowing(String conference) {
            values.remove(conference);
        }

        int count() {
            return values.all().size();
        }
    }
}
