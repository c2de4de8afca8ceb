package org.camelbigmarker.consumer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camelbigmarker.BigMarkerConfiguration;
import org.camelbigmarker.BigMarkerOperation;
import org.camelbigmarker.ConsumerEvent;
import org.camelbigmarker.consumer.feed.ItemIdentity;
import org.camelbigmarker.consumer.webhook.WebhookKind;
import org.camelbigmarker.operation.InvalidParameterException;

import static org.camelbigmarker.BigMarkerOperation.listChannelRegistrations;
import static org.camelbigmarker.BigMarkerOperation.listConferences;
import static org.camelbigmarker.BigMarkerOperation.listRegistrations;

/**
 * The consumer side's table, in the spirit of {@link BigMarkerOperation}: one row per kind of consumer with the facts
 * that define it. The feed factory, the identity of items in every mode (poll and webhook key an item alike), the
 * webhook's scope and its errors, and the consumer table of docs/consumers.md are all derived from these rows.
 */
public enum ConsumerKind {

    /** New registrations of one conference; BigMarker's new-registration webhook carries no registration id. */
    NEW_REGISTRATIONS(ConsumerEvent.newItems, listRegistrations, null, Scope.CONFERENCE,
            ItemIdentity.fields("email"), false,
            "bigmarker:registrations?operation=listRegistrations&conferenceId=ID", List.of(),
            WebhookKind.NEW_REGISTRATION),
    /** New registrations of every conference of a channel (webhooks: its upcoming conferences, new ones included). */
    NEW_CHANNEL_REGISTRATIONS(ConsumerEvent.newItems, listChannelRegistrations, null, Scope.CHANNEL,
            ItemIdentity.fields(WebhookKind.NEW_REGISTRATION.conferenceField(), "email"), false,
            "bigmarker:registrations?operation=listChannelRegistrations&channelId=CHANNEL", List.of(),
            WebhookKind.NEW_REGISTRATION),
    /** New items of any other list operation. */
    NEW_ITEMS(ConsumerEvent.newItems, null, null, Scope.LIST, ItemIdentity.FIRST_OF_ID_BMID_EMAIL, true,
            "bigmarker:GROUP?operation=LIST_OPERATION", List.of(), null),
    CONFERENCE_STARTED(ConsumerEvent.conferenceStarted, listConferences, "happening_now", Scope.ACCOUNT,
            ItemIdentity.fields(WebhookKind.WEBINAR_START.conferenceField()), false,
            null, List.of(), WebhookKind.WEBINAR_START, "future"),
    CONFERENCE_ENDED(ConsumerEvent.conferenceEnded, listConferences, "past", Scope.ACCOUNT,
            ItemIdentity.fields(WebhookKind.WEBINAR_END.conferenceField()), false,
            null, List.of(), WebhookKind.WEBINAR_END, "future",
            "happening_now"),
    /** Post-webinar reports; the identity is that of a report row (rows without an id: content and occurrence). */
    REPORTS(ConsumerEvent.reports, null, null, Scope.CONFERENCE_OR_ACCOUNT, ItemIdentity.fields("id"), true,
            "bigmarker:reporting?event=reports",
            List.of("reports", "splitReportRows", "emptyReportWait", "reportRecheckInterval", "onDemandWindowHours"),
            null),
    WAITING_ROOM_OPENED(ConsumerEvent.waitingRoomOpened, null, null, Scope.CONFERENCE_OR_ACCOUNT,
            ItemIdentity.fields(WebhookKind.WAITING_ROOM_OPEN.conferenceField()), false,
            null, List.of(), WebhookKind.WAITING_ROOM_OPEN,
            "future", "happening_now"),
    LIVE_ATTENDEE_DATA(ConsumerEvent.liveAttendeeData, null, null, Scope.CONFERENCE_OR_ACCOUNT,
            ItemIdentity.fields(WebhookKind.LIVE_ATTENDEE_DATA.conferenceField()).withContent(), false,
            null, List.of(), WebhookKind.LIVE_ATTENDEE_DATA,
            "future", "happening_now"),
    /** Recordings are watched after a webinar: past conferences keep their webhook too. */
    ON_DEMAND_VIEWER(ConsumerEvent.onDemandViewer, null, null, Scope.CONFERENCE_OR_ACCOUNT,
            ItemIdentity.fields(WebhookKind.ON_DEMAND_VIEWER.conferenceField()).withContent(), false,
            null, List.of(), WebhookKind.ON_DEMAND_VIEWER,
            "future", "happening_now", "past");

    /** What one consumer watches. */
    public enum Scope {
        CONFERENCE("one conference (`conferenceId`)"),
        CHANNEL("every conference of a channel (`channelId`)"),
        LIST("the list operation with its `param.*` parameters"),
        ACCOUNT("the account's conferences"),
        CONFERENCE_OR_ACCOUNT("one conference (`conferenceId`), else every conference of the account");

        private final String description;

        Scope(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private final ConsumerEvent event;
    private final BigMarkerOperation reads;
    private final String conferenceType;
    private final Scope scope;
    private final ItemIdentity identity;
    private final boolean identityOption;
    private final String uri;
    private final List<String> ownOptions;
    private final WebhookKind webhook;
    private final List<String> webhookConferenceTypes;

    /**
     * @param reads                  the list operation polled; null for the endpoint's own (newItems), the reports
     *                               (reports) or nothing (pushed only)
     * @param conferenceType         the type filter of a conference lifecycle read
     * @param identityOption         whether the identity option may replace {@code identity}
     * @param uri                    the endpoint URI that asks for this kind, in short; null for an event of the
     *                               conferences group, whose URI names the event
     * @param ownOptions             the options only this kind has
     * @param webhook                the webhook that brings its items, or null
     * @param webhookConferenceTypes the conference types whose webhook is set when no conference is given
     */
    ConsumerKind(ConsumerEvent event, BigMarkerOperation reads, String conferenceType, Scope scope,
                 ItemIdentity identity, boolean identityOption, String uri, List<String> ownOptions,
                 WebhookKind webhook, String... webhookConferenceTypes) {
        this.event = event;
        this.reads = reads;
        this.conferenceType = conferenceType;
        this.scope = scope;
        this.identity = identity;
        this.identityOption = identityOption;
        this.uri = uri;
        this.ownOptions = ownOptions;
        this.webhook = webhook;
        this.webhookConferenceTypes = List.of(webhookConferenceTypes);
    }

    /** The kind an endpoint's options ask for. */
    public static ConsumerKind of(BigMarkerConfiguration configuration) {
        ConsumerEvent event = configuration.getEvent();
        BigMarkerOperation operation = configuration.getOperation();
        List<ConsumerKind> ofEvent = Arrays.stream(values()).filter(kind -> kind.event == event).toList();
        if (ofEvent.size() == 1) {
            return ofEvent.get(0);
        }
        // newItems: the row of the list it reads (a conference's or a channel's registrations), else any list's
        return ofEvent.stream().filter(kind -> kind.reads == operation).findFirst()
                .orElseGet(() -> ofEvent.stream().filter(kind -> kind.reads == null).findFirst().orElseThrow());
    }

    public ConsumerEvent event() {
        return event;
    }

    /** The list operation polled, or null (see the constructor). */
    public BigMarkerOperation reads() {
        return reads;
    }

    public String conferenceType() {
        return conferenceType;
    }

    public Scope scope() {
        return scope;
    }

    /** Only BigMarker's webhook brings it: no list shows it, so nothing is polled or reconciled. */
    public boolean pushedOnly() {
        return event != ConsumerEvent.newItems && reads == null && event != ConsumerEvent.reports;
    }

    /** Whether the webhook option is offered. */
    public boolean hasWebhook() {
        return webhook != null;
    }

    public WebhookKind webhook() {
        return webhook;
    }

    public List<String> webhookConferenceTypes() {
        return webhookConferenceTypes;
    }

    /**
     * What keys an item of this kind, in every mode: the row's identity, or the identity option where this kind lets
     * the user choose (a list whose items the document shows without an id, a report's rows); elsewhere the option is
     * refused, so that a webhook and a poll can never key one item two ways.
     */
    public ItemIdentity identity(BigMarkerConfiguration configuration) {
        ItemIdentity chosen = ItemIdentity.parse(configuration.getIdentity());
        if (chosen == null) {
            return identity;
        }
        if (!identityOption) {
            throw new InvalidParameterException("identity", "does not apply to " + describe() + ": its items are"
                                                            + " keyed by " + identity.describe()
                                                            + ", by the poll and the webhook alike");
        }
        return chosen;
    }

    /** For the docs and error messages: what the identity is made of, and whether the option can change it. */
    public String identityDescription() {
        return identity.describe() + (identityOption ? " (the `identity` option can name other fields)" : "");
    }

    /** The endpoint URI that asks for this kind, in short. */
    public String uri() {
        return uri != null ? uri : "bigmarker:conferences?event=" + event + (pushedOnly() ? "&webhook=true" : "");
    }

    /** A short name for messages: the event, and the operation where the event alone does not tell. */
    public String describe() {
        return reads != null && event == ConsumerEvent.newItems ? "new items of " + reads : event.name();
    }

    /** The consumer options (of the component's metadata) that apply to this kind. */
    public Set<String> options() {
        Set<String> options = new LinkedHashSet<>(List.of("event", "consumerStore", "idempotentRepository",
                "stateRepository", "claimTimeout", "maxDeliveryAttempts", "maxMessagesPerPoll"));
        if (!pushedOnly()) {
            options.addAll(List.of("startFrom", "overlap", "reconcileInterval", "reconcileHorizon"));
        }
        if (identityOption) {
            options.add("identity");
        }
        options.addAll(ownOptions);
        if (hasWebhook()) {
            options.addAll(List.of("webhook", "webhookBaseUrl", "webhookPath", "webhookKeepRegistration",
                    "webhookMaxBodySize"));
            if (scope() != Scope.CONFERENCE) { // follows many conferences: looks for new ones
                options.add("webhookConferenceCheckInterval");
            }
        }
        return options;
    }

    /** The kinds whose consumer can receive webhooks, for the webhook option's error. */
    public static String withWebhooks() {
        List<String> kinds = new ArrayList<>();
        for (ConsumerKind kind : values()) {
            if (kind.hasWebhook()) {
                kinds.add(kind.uri());
            }
        }
        return String.join(", ", kinds);
    }
}
