package org.camelbigmarker;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camelbigmarker.model.Attendee;
import org.camelbigmarker.model.Channel;
import org.camelbigmarker.model.ChannelAdmin;
import org.camelbigmarker.model.Conference;
import org.camelbigmarker.model.Handout;
import org.camelbigmarker.model.MeetingSpace;
import org.camelbigmarker.model.Poll;
import org.camelbigmarker.model.Presenter;
import org.camelbigmarker.model.Registration;
import org.camelbigmarker.model.Series;
import org.camelbigmarker.operation.BodyEncoding;
import org.camelbigmarker.operation.Effect;
import org.camelbigmarker.operation.InvalidParameterException;
import org.camelbigmarker.operation.ParameterSpec;
import org.camelbigmarker.operation.ResultSpec;
import org.camelbigmarker.operation.HttpRoute;

import static org.camelbigmarker.BigMarkerGroup.auth;
import static org.camelbigmarker.BigMarkerGroup.categories;
import static org.camelbigmarker.BigMarkerGroup.channelAdmins;
import static org.camelbigmarker.BigMarkerGroup.channels;
import static org.camelbigmarker.BigMarkerGroup.conferences;
import static org.camelbigmarker.BigMarkerGroup.customEmails;
import static org.camelbigmarker.BigMarkerGroup.meetingSpaces;
import static org.camelbigmarker.BigMarkerGroup.polls;
import static org.camelbigmarker.BigMarkerGroup.presenters;
import static org.camelbigmarker.BigMarkerGroup.registrationBlockList;
import static org.camelbigmarker.BigMarkerGroup.registrations;
import static org.camelbigmarker.BigMarkerGroup.reporting;
import static org.camelbigmarker.BigMarkerGroup.series;
import static org.camelbigmarker.operation.BodyEncoding.FORM;
import static org.camelbigmarker.operation.BodyEncoding.JSON;
import static org.camelbigmarker.operation.BodyEncoding.NONE;
import static org.camelbigmarker.operation.Effect.IDEMPOTENT_WRITE;
import static org.camelbigmarker.operation.Effect.READ;
import static org.camelbigmarker.operation.Effect.WRITE;
import static org.camelbigmarker.operation.Paging.CURRENT_PAGE;
import static org.camelbigmarker.operation.Paging.PAGE;
import static org.camelbigmarker.operation.ResultSpec.list;
import static org.camelbigmarker.operation.ResultSpec.map;
import static org.camelbigmarker.operation.ResultSpec.none;
import static org.camelbigmarker.operation.ResultSpec.one;
import static org.camelbigmarker.operation.ResultSpec.page;
import static org.camelbigmarker.operation.ResultSpec.text;

/**
 * The operation table: every action of the BigMarker API document, one row each. Request building, validation, the
 * generated reference in docs/ and the component JSON all derive from it; adding an action is adding a row.
 * <p>
 * Columns: group, the document's title, route below the base URL ({@code {name}} marks a path parameter), how the
 * other parameters travel, the effect on server state (decides retries), the documented parameters
 * ({@code name[:kind][!]}, see {@link ParameterSpec}), and the response shape. Where the document contradicts itself
 * the chosen reading is the one cell that differs from it; docs/api-decisions.md lists each choice.
 */
public enum BigMarkerOperation {
    // auth
    login(auth, "Login", "POST /members/login", FORM, READ, "email! password!", map()),

    // conferences
    showConference(conferences, "Show Conference", "GET /conferences/{conference_id}", NONE, READ, "",
            one(Conference.class)),
    listConferences(conferences, "List Conferences", "GET /conferences/", NONE, READ,
            "page:int per_page:int role type query start_time:seconds end_time:seconds include_series:bool",
            page(PAGE, "conferences", Conference.class)),
    searchConferences(conferences, "Search Conferences", "POST /conferences/search", JSON, READ,
            "title start_time:seconds end_time:seconds conference_ids:csv presenter_member_ids:csv role type page:int"
                    + " per_page:int",
            page(PAGE, "conferences", Conference.class)),
    getAssociatedSessions(conferences, "Get Associated Sessions",
            "GET /conferences/get_associated_sessions/{conference_id}", NONE, READ, "page:int per_page:int",
            page(PAGE, "conferences", Conference.class)),
    searchRecurringConferences(conferences, "Search Recurring Conferences", "GET /conferences/recurring/{conference_id}",
            NONE, READ, "start_time:seconds end_time:seconds page:int per_page:int",
            page(PAGE, "child_conferences", Conference.class)),
    createConference(conferences, "Create a Conference", "POST /conferences", JSON, WRITE,
            "channel_id! title! conference_copy_id presenter_exit_url sub_url enable_dial_in:bool purpose time_zone"
                    + " room_logo conference_logo apply_conference_logo_to_channel:bool room_sub_title schedule_type"
                    + " start_time recurring_start_times:array webcast_mode duration_minutes who_can_watch_recording"
                    + " presenter_advanced_enter_time attendee_advanced_enter_time privacy webinar_format"
                    + " ondemand_video_url enable_knock_to_enter:bool registration_conf_emails:bool"
                    + " send_notification_emails_to_presenters:bool send_reminder_emails_to_presenters:bool"
                    + " show_reviews:bool review_emails:bool poll_results:bool enable_ie_safari:bool"
                    + " enable_twitter:bool send_cancellation_email:bool webhook_url exit_url" + Shared.WEBHOOKS
                    + " registration_required_to_view_recording:bool channel_admin_id background_image_url room_type"
                    + " display_language show_handout_on_page:bool banner_filter_percentage icon webinar_tags:array",
            one("conference", Conference.class)),
    updateConference(conferences, "Update a Conference", "PUT /conferences/{conference_id}", JSON, IDEMPOTENT_WRITE,
            "title presenter_exit_url start_time recurring_start_times:array purpose time_zone room_logo"
                    + " conference_logo apply_conference_logo_to_channel:bool room_sub_title webcast_mode schedule_type"
                    + " duration_hours duration_minutes room_type who_can_watch_recording presenter_advanced_enter_time"
                    + " attendee_advanced_enter_time enable_dial_in:bool privacy"
                    + " send_reminder_emails_to_presenters:bool registration_conf_emails:bool show_reviews:bool"
                    + " review_emails:bool poll_results:bool enable_ie_safari:bool enable_twitter:bool"
                    + " send_cancellation_email:bool background_image_url webhook_url exit_url"
                    + " registration_required_to_view_recording:bool sub_url display_language"
                    + " enable_knock_to_enter:bool banner_filter_percentage icon" + Shared.WEBHOOKS
                    + " webinar_tags:array",
            one("conference", Conference.class)),
    uploadPreloadedFile(conferences, "Upload Pre-Loaded File", "PUT /conferences/{conference_id}/upload_file", JSON,
            WRITE, "file_url! autoplay:bool", map()),
    deletePreloadedFile(conferences, "Delete Pre-Loaded File", "PUT /conferences/{conference_id}/delete_file/{file_id}",
            NONE, WRITE, "", map()),
    addHandout(conferences, "Upload a handout", "POST /conferences/{conference_id}/add_handout_with_url", JSON, WRITE,
            "title! handout_url handout_link", one(Handout.class)),
    updateHandout(conferences, "Update an existing handout", "PUT /conferences/{handout_id}/update_handout", JSON,
            IDEMPOTENT_WRITE, "title handout_url handout_link", one(Handout.class)),
    deleteHandout(conferences, "Delete a handout", "POST /conferences/{handout_id}/delete_handout", NONE, WRITE, "",
            map()),
    listHandouts(conferences, "List Handouts", "GET /conferences/{conference_id}/handouts", NONE, READ, "",
            list("handouts", Handout.class)),
    deleteConference(conferences, "Delete a Conference", "DELETE /conferences/{conference_id}", NONE, WRITE, "",
            none()),
    listConferenceAttendees(conferences, "Show Conference Attendees", "GET /conferences/{conference_id}/attendees",
            NONE, READ, "current_page:int per_page:int", page(CURRENT_PAGE, "attendees", Attendee.class)),
    getStatisticsReport(conferences, "Download Statistics Report", "GET /conferences/{conference_id}/stats", NONE,
            READ, "bmid!", map()),
    getTranscript(conferences, "Download Transcript", "GET /conferences/{conference_id}/transcript", NONE, READ,
            "bmid!", map()),
    getAdminUrl(conferences, "Admin URL", "GET /conferences/{conference_id}/admin_url", NONE, READ, "bmid!", map()),
    getRecordingStatus(conferences, "Recording Status", "GET /conferences/{conference_id}/recording", NONE, READ, "",
            map()),
    publishRecording(conferences, "Publish Recording", "GET /conferences/{conference_id}/publish_recording", NONE,
            WRITE, "", map()),
    unpublishRecording(conferences, "Unpublish Recording", "GET /conferences/{conference_id}/unpublish_recording",
            NONE, WRITE, "", map()),
    getCustomFields(conferences, "Get Custom Fields", "GET /conferences/custom_fields/{conference_id}", NONE, READ, "",
            list("custom_fields", Map.class)),
    enterConference(conferences, "Enter a Conference", "POST /conferences/enter", JSON, WRITE,
            "id(conference_id)! attendee_name! attendee_email! register_attendee_to_webinar:bool attendee_first_name"
                    + " attendee_last_name custom_user_id role exit_url",
            map()),
    listRecordingViews(conferences, "Show Conference Recording Views",
            "GET /conferences/{conference_id}/recording_views", NONE, READ, "", list("recording_views", Map.class)),
    refreshAnalyticsReport(conferences, "Refresh analytics report",
            "GET /conferences/refresh_analytics_report/{conference_id}", NONE, WRITE, "", map()),
    getHandoutDownloadData(conferences, "Show handout download data",
            "GET /conferences/handout_download_data/{conference_id}", NONE, READ, "", map()),
    getDialInData(conferences, "Show dial in data", "GET /conferences/dial_in_list/{conference_id}", NONE, READ, "",
            map()),
    getSurveyData(conferences, "Show survey data", "GET /conferences/survey/{conference_id}", NONE, READ,
            "created_since:seconds", map()),
    getPresenterActivity(conferences, "Show Presenter Activity", "GET /conferences/{conference_id}/activity_logs",
            NONE, READ, "", list("activity_logs", Map.class)),

    // series
    createSeries(series, "Creating a Series", "POST /series", JSON, WRITE,
            "channel_id! title! series_format! event_start_time event_end_time time_zone alias presenter_alias about",
            one(Series.class)),
    updateSeries(series, "Updating a Series", "PUT /series", JSON, IDEMPOTENT_WRITE,
            "id! title series_format! event_start_time event_end_time time_zone alias presenter_alias about",
            one(Series.class)),
    addSessionsToSeries(series, "Add sessions to a series", "POST /series/add_sessions", JSON, WRITE,
            "series_id! session_ids:csv!", text()),
    removeSessionsFromSeries(series, "Delete a session", "DELETE /series", JSON, WRITE, "session_ids:csv!", map()),

    // registrations
    listRegistrations(registrations, "Show Conference Registrants", "GET /conferences/registrations/{conference_id}",
            NONE, READ, "page:int per_page:int start_time:seconds end_time:seconds email",
            page(PAGE, "registrations", Registration.class)),
    listCheckedInRegistrations(registrations, "Show Registrants that checked in to a conference in-person",
            "GET /conferences/checked_in_registrants/{conference_id}", NONE, READ,
            "page:int per_page:int start_time:seconds end_time:seconds",
            page(PAGE, "registrations", Registration.class)),
    listRegistrationsWithFields(registrations, "Show Conference Registrants with Custom Fields",
            "GET /conferences/registrations_with_fields/{conference_id}", NONE, READ,
            "page:int per_page:int use_api_name:bool start_time:seconds end_time:seconds email",
            page(PAGE, "registrations", Registration.class)),
    register(registrations, "Register a User to a Conference", "PUT /conferences/register", FORM, WRITE,
            "id(conference_id)! email! first_name! last_name! temporary_password custom_fields:json utm_bmcr_source custom_user_id",
            map()),
    registerOrUpdate(registrations, "Register or Update a User to a Conference", "PUT /conferences/register_or_update",
            FORM, IDEMPOTENT_WRITE,
            "id(conference_id)! email! first_name! last_name! temporary_password custom_fields:json utm_bmcr_source custom_user_id"
                    + " show_full_data:bool",
            map()),
    unregister(registrations, "Unregister a User From a Conference", "DELETE /conferences/register", FORM, WRITE,
            "id(conference_id)! email!", none()),
    checkRegistrationStatus(registrations, "Check registration status",
            "GET /conferences/{conference_id}/check_registration_status", NONE, READ, "bmid email", map()),
    listChannelRegistrations(registrations, "List Channel Registrants",
            "GET /conferences/registrations/channel/{channel_id}", NONE, READ,
            "page:int per_page:int use_api_name:bool bmid email start_time:seconds end_time:seconds",
            page(PAGE, "registrations", Registration.class)),

    // channels
    showChannel(channels, "Show Channel", "GET /channels/{channel_id}", NONE, READ, "", one(Channel.class)),
    deleteUserData(channels, "Delete all of a user’s data", "DELETE /channels/{channel_url}/delete_member", NONE,
            WRITE, "email!", none()),
    listChannels(channels, "List Channels", "GET /channels/", NONE, READ, "", list("channels", Channel.class)),
    listChannelConferences(channels, "List Channel Conferences", "GET /channels/{channel_url}/conferences", NONE, READ,
            "timing page:int per_page:int show_template:bool bmid sort_start_date webinar_tags:json",
            page(PAGE, "conferences", Conference.class)),
    createSubchannel(channels, "Create a Subchannel", "POST /channels", JSON, WRITE,
            "master_channel_id! channel_name! channel_url! organizer_email! organizer_first_name organizer_last_name"
                    + " organizer_temporary_password background_image_url",
            one(Channel.class)),
    listSubchannels(channels, "List Subchannels", "GET /channels/sub_channels/{channel_url}", NONE, READ, "",
            list("channels", Channel.class)),
    removeSubchannel(channels, "Remove Subchannel", "DELETE /channels/{channel_url}", NONE, WRITE, "", none()),
    listSubscribers(channels, "List Subscribers", "GET /channels/{channel_id}/subscribers", NONE, READ, "",
            list("subscribers", Map.class)),
    addSubscriber(channels, "Add a Subscriber", "POST /channels/{channel_id}/add_subscriber", JSON, WRITE,
            "first_name last_name email! temporary_password", map()),
    removeSubscriber(channels, "Remove a Subscriber", "DELETE /channels/{channel_id}/remove_subscriber", JSON, WRITE,
            "email!", none()),
    deleteChannelMember(channels, "Delete a user data from your channel",
            "DELETE /channels/{channel_id}/delete_member", NONE, WRITE, "email!", none()),
    listConferencesByRegistrant(channels, "List conferences by registered user",
            "GET /channels/{channel_id}/list_registered_conferences", NONE, READ, "email! page:int",
            page(PAGE, "conferences", Object.class)),
    getChannelBlockList(channels, "Retrieves the entire list.", "GET /channels/block_list/{channel_id}", NONE, READ,
            "list_type current_page:int per_page:int", page(CURRENT_PAGE, "list_data", Map.class)),
    addToChannelBlockList(channels, "Adds items to the list.", "POST /channels/block_list/{channel_id}", JSON, WRITE,
            "list_type emails:csv!", none()),
    removeFromChannelBlockList(channels, "Removes items from the list.", "DELETE /channels/block_list/{channel_id}",
            JSON, WRITE, "list_type emails:csv!", none()),

    // categories
    addCategory(categories, "Add Channel Category", "POST /category", JSON, WRITE, "channel_id! category_name!",
            one("category", Map.class)),
    deleteCategory(categories, "Delete a Category", "DELETE /category", JSON, WRITE, "channel_id! category_name!",
            none()),
    addConferenceToCategory(categories, "Add a conference to category", "POST /category/add_conference", JSON, WRITE,
            "channel_id! category_name! conference_id!", one("category", Map.class)),
    removeConferenceFromCategory(categories, "Remove a conference from category", "DELETE /category/remove_conference",
            JSON, WRITE, "channel_id! category_name! conference_id!", none()),

    // presenters
    addPresenter(presenters, "Add a Presenter", "POST /presenters", JSON, WRITE,
            "conference_id! name! photo_url! presenter_email! presenter_first_name presenter_last_name"
                    + " presenter_temporary_password" + Shared.PRESENTER
                    + " send_email_invite:bool add_to_channel_subscriber_list:bool",
            one(Presenter.class)),
    updatePresenter(presenters, "Update a Presenter", "PUT /presenters/{presenter_id}", JSON, IDEMPOTENT_WRITE,
            "presenter_email name photo_url presenter_temporary_password" + Shared.PRESENTER,
            one(Presenter.class)),
    removePresenter(presenters, "Remove a Presenter", "DELETE /presenters/{presenter_id}", NONE, WRITE, "", none()),
    listConferencePresenters(presenters, "All Presenters for a Conference",
            "GET /conferences/{conference_id}/presenters", NONE, READ, "", list("presenters", Presenter.class)),
    listPresenterConferences(presenters, "List Conferences", "GET /presenters/{presenter_id}/list_conferences", NONE,
            READ, "channel_id", list("conferences", Conference.class)),

    // channel admins
    listChannelAdmins(channelAdmins, "View Channel Admins", "GET /channel_admins/{channel_url}", NONE, READ, "",
            list("channel_admins", ChannelAdmin.class)),
    addChannelAdmin(channelAdmins, "Add Channel Admin", "POST /channel_admins", JSON, WRITE,
            "channel_id! email! first_name last_name temporary_password photo_url title bio",
            one(ChannelAdmin.class)),
    updateChannelAdmin(channelAdmins, "Update Channel Admin", "PUT /channel_admins/{admin_id}", JSON, IDEMPOTENT_WRITE,
            "first_name last_name photo_url title bio", one(ChannelAdmin.class)),
    removeChannelAdmin(channelAdmins, "Remove Channel Admin", "DELETE /channel_admins", JSON, WRITE, "admin_id!",
            none()),

    // reporting
    reportRegistrations(reporting, "Show Conference Registrations (reporting)",
            "GET /reporting/conferences/registrations/{conference_id}", NONE, READ,
            "current_page:int per_page:int watched_on_demand:bool attended_live:bool",
            page(CURRENT_PAGE, "registrations", Registration.class)),
    reportLiveAttendees(reporting, "Show Conference Attendees", "GET /reporting/conferences/live_attendees/{conference_id}",
            NONE, READ, "current_page:int per_page:int", page(CURRENT_PAGE, "attendees", Attendee.class)),
    reportNoShows(reporting, "Show Conference Registrations Who Did Not Attend",
            "GET /reporting/conferences/no_shows/{conference_id}", NONE, READ, "current_page:int per_page:int",
            page(CURRENT_PAGE, "registrations", Registration.class)),
    reportOnDemandAttendees(reporting, "Show Conference Ondemand attendees",
            "GET /reporting/conferences/on_demand_attendees/{conference_id}", NONE, READ,
            "current_page:int per_page:int", page(CURRENT_PAGE, "attendees", Attendee.class)),
    reportChats(reporting, "Show Conference Chats", "GET /reporting/conferences/chat_transcript/{conference_id}", NONE,
            READ, "current_page:int per_page:int", page(CURRENT_PAGE, "chats", Map.class)),
    reportQuestions(reporting, "Show Conference Q&A", "GET /reporting/conferences/q_and_a_transcript/{conference_id}",
            NONE, READ, "current_page:int per_page:int", page(CURRENT_PAGE, "q_and_a", Map.class)),
    reportEventSummary(reporting, "Show event summary", "GET /reporting/conferences/event_summary/{conference_id}",
            NONE, READ, "", map()),
    reportEnterExitLog(reporting, "Show Live Attendee Entry and Exit Times",
            "GET /reporting/conferences/enter_exit_log/{conference_id}", NONE, READ, "current_page:int per_page:int",
            page(CURRENT_PAGE, "activities", Map.class)),
    reportAttendanceMonitor(reporting, "Retrieve Attendance Monitor Events",
            "GET /reporting/conferences/attendance_monitor_data/{conference_id}", NONE, READ,
            "current_page:int per_page:int", page(CURRENT_PAGE, "activities", Map.class)),
    reportPolls(reporting, "Show information related to polls.",
            "GET /reporting/conferences/poll_transcript/{conference_id}", NONE, READ, "", map()),
    reportOffers(reporting, "Show information related to offers.",
            "GET /reporting/conferences/offer_transcript/{conference_id}", NONE, READ, "", map()),

    // custom emails
    getEmailAnalytics(customEmails, "Show email analytics", "GET /custom_emails/{custom_email_id}/email_analytics",
            NONE, READ, "current_page:int per_page:int date_start:millis date_end:millis action_type",
            page(CURRENT_PAGE, null, Map.class)),
    getEmailSuppressions(customEmails, "Show suppressed", "GET /custom_emails/{custom_email_id}/suppressions", NONE,
            READ, "", map()),
    getEmailStatistics(customEmails, "Show Email Statistics Data", "GET /custom_emails/email_statistics_data", NONE,
            READ, "conference_id custom_email_id", list("data", Map.class)),

    // meeting spaces
    createMeetingSpace(meetingSpaces, "Create a MeetingSpace", "POST /meeting_spaces", JSON, WRITE,
            "channel_id! title! url" + Shared.MEETING_SPACE, one(MeetingSpace.class)),
    showMeetingSpace(meetingSpaces, "Show MeetingSpace", "GET /meeting_spaces/{meeting_space_id}", NONE, READ, "",
            one(MeetingSpace.class)),
    updateMeetingSpace(meetingSpaces, "Update a MeetingSpace", "PUT /meeting_spaces/{meeting_space_id}", JSON,
            IDEMPOTENT_WRITE, "title! url" + Shared.MEETING_SPACE, one(MeetingSpace.class)),

    // registration block list
    getRegistrationBlockList(registrationBlockList, "Get emails from the registration block/allow list",
            "POST /registration_block_list/{conference_id}", FORM, READ, "list_type!",
            page(CURRENT_PAGE, "list", Map.class)),
    removeFromRegistrationBlockList(registrationBlockList, "remove emails to the list",
            "DELETE /registration_block_list/{conference_id}", FORM, WRITE, "list_type! emails:csv!", none()),
    addToRegistrationBlockList(registrationBlockList, "add emails to the list",
            "POST /registration_block_list/{conference_id}", FORM, WRITE, "list_type! emails:csv!",
            list("list", Map.class)),
    enableRegistrationBlockList(registrationBlockList, "enable block list & allow list",
            "POST /registration_block_list/enable/{conference_id}", FORM, WRITE, "list_type!", map()),

    // polls
    createPoll(polls, "Create polls", "POST /polls", JSON, WRITE, "conference_id! question!" + Shared.POLL,
            one(Poll.class)),
    updatePoll(polls, "Update polls", "PUT /polls", JSON, IDEMPOTENT_WRITE, "poll_id! question" + Shared.POLL,
            one(Poll.class)),
    deletePoll(polls, "Delete polls", "DELETE /polls", JSON, WRITE, "poll_id!", none()),
    openPolls(polls, "Open polls", "PUT /polls", JSON, WRITE, "conference_id poll_ids:csv action!", map());

    /** Parameter lists that several rows share (held in a nested class: enum constants cannot read the enum's own statics). */
    private static final class Shared {
        /** The outgoing webhook settings of create and update conference. */
        static final String WEBHOOKS = " enable_create_webinar_reg_webhook:bool enable_new_reg_webhook:bool"
                + " new_reg_webhook_url enable_webinar_start_webhook:bool"
                + " webinar_start_webhook_url enable_waiting_room_open_webhook:bool"
                + " waiting_room_open_webhook_url enable_webinar_end_webhook:bool"
                + " webinar_end_webhook_url enable_live_attendee_data_webhook:bool"
                + " live_attendee_data_webhook_url enable_on_demand_viewer_webhook:bool"
                + " on_demand_viewer_webhook_url";
        static final String PRESENTER = " bio title can_manage:bool is_moderator:bool"
                + " enter_as_attendee:bool display_on_landing_page:bool"
                + " remove_bigmarker_contact_option:bool"
                + " show_on_networking_center:bool"
                + " show_chat_icon_in_booth_or_session_room:bool";
        static final String MEETING_SPACE = " knock_to_enter auto_share_camera:bool display_dial_in:bool"
                + " meeting_style logo logo_url background_image preview_image"
                + " email first_name last_name";
        static final String POLL = " selection_method choices:array set_display_question:bool"
                + " display_question attendee_can_select_answer_number:int"
                + " allow_answer_poll_on_landing_page:bool allow_user_to_skip_poll:bool"
                + " display_as_slide_out:bool attendee_can_view_poll_results:bool"
                + " show_in_recording_player:bool poll_close_time";
    }

    private final BigMarkerGroup group;
    private final String title;
    private final HttpRoute route;
    private final BodyEncoding bodyEncoding;
    private final Effect effect;
    private final Map<String, ParameterSpec> parameters;
    private final ResultSpec result;

    BigMarkerOperation(BigMarkerGroup group, String title, String route, BodyEncoding bodyEncoding, Effect effect,
                       String parameters, ResultSpec result) {
        this.group = group;
        this.title = title;
        this.route = HttpRoute.parse(route);
        this.bodyEncoding = bodyEncoding;
        this.effect = effect;
        this.parameters = ParameterTable.of(this.route, parameters);
        this.result = result;
    }

    public BigMarkerGroup group() {
        return group;
    }

    /** The action's title in the BigMarker API document. */
    public String title() {
        return title;
    }

    public HttpRoute route() {
        return route;
    }

    public String method() {
        return route.method();
    }

    public BodyEncoding bodyEncoding() {
        return bodyEncoding;
    }

    public Effect effect() {
        return effect;
    }

    /** Documented parameters by API name, path parameters first, in the document's order. */
    public Map<String, ParameterSpec> parameters() {
        return parameters;
    }

    public ResultSpec result() {
        return result;
    }

    /**
     * Whether the request carries the API key: every operation but login, the one operation of the auth group, which
     * obtains a key.
     */
    public boolean needsApiKey() {
        return group != BigMarkerGroup.auth;
    }

    /**
     * This operation, when it belongs to {@code endpointGroup}; else an error naming the operation option and the URI
     * that would perform it (producers and consumers alike).
     */
    public BigMarkerOperation checkGroup(BigMarkerGroup endpointGroup) {
        if (group != endpointGroup) {
            throw new InvalidParameterException("operation", this + " belongs to group " + group + ", not "
                                                             + endpointGroup + "; use bigmarker:" + group
                                                             + "?operation=" + this);
        }
        return this;
    }

    /** The operations of one group, in table order. */
    public static List<BigMarkerOperation> of(BigMarkerGroup group) {
        List<BigMarkerOperation> found = new ArrayList<>();
        for (BigMarkerOperation operation : values()) {
            if (operation.group == group) {
                found.add(operation);
            }
        }
        return found;
    }

    /** Builds a row's parameter map: path parameters from the route, then the listed ones. */
    private static final class ParameterTable {
        static Map<String, ParameterSpec> of(HttpRoute route, String parameters) {
            Map<String, ParameterSpec> table = new LinkedHashMap<>();
            route.pathParameters().forEach(name -> table.put(name, ParameterSpec.pathParameter(name)));
            for (String token : parameters.trim().split("\\s+")) {
                if (!token.isEmpty()) {
                    ParameterSpec spec = ParameterSpec.parse(token);
                    table.putIfAbsent(spec.name(), spec);
                }
            }
            return Collections.unmodifiableMap(table);
        }
    }
}
