package org.camelbigmarker.model;

import java.time.LocalDateTime;
import java.time.ZoneId;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camelbigmarker.api.JsonSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The java.time readers, on the API document's own examples, and on texts in other forms (empty, never a guess). */
class ModelTimesTest {

    private final ObjectMapper mapper = JsonSupport.mapper();

    @Test
    void attendeeTimesReadAsTheDocumentShowsThem() throws Exception {
        Attendee attendee = mapper.readValue(
                "{\"enter_time\": \"2022-03-17T13:39:15\", \"exit_time\": \"2022-03-17T13:42:15\"}", Attendee.class);

        assertThat(attendee.enterTimeAsLocalDateTime()).contains(LocalDateTime.of(2022, 3, 17, 13, 39, 15));
        assertThat(attendee.exitTimeAsLocalDateTime()).contains(LocalDateTime.of(2022, 3, 17, 13, 42, 15));
        assertThat(attendee.getEnterTime()).isEqualTo("2022-03-17T13:39:15");
    }

    @Test
    void aRegistrationDateReadsAsTheDocumentShowsIt() throws Exception {
        Registration registration = mapper.readValue("{\"registration_date\":\"2022-03-21T11:25:30\"}",
                Registration.class);

        assertThat(registration.registrationDateAsLocalDateTime()).contains(LocalDateTime.of(2022, 3, 21, 11, 25, 30));
    }

    @Test
    void aConferenceStartIsLocalToItsTimeZoneWhichIsReadOnlyWhenItIsAZoneId() throws Exception {
        Conference chicago = mapper.readValue("{\"start_time\": \"2015-11-01 14:00\", \"end_time\": \"2015-11-01 15:30\","
                                              + " \"time_zone\": \"America/Chicago\"}", Conference.class);
        Conference beijing = mapper.readValue("{\"start_time\": \"2015-11-01 14:00\", \"time_zone\": \"Beijing\"}",
                Conference.class);

        assertThat(chicago.startTimeAsLocalDateTime()).contains(LocalDateTime.of(2015, 11, 1, 14, 0));
        assertThat(chicago.startTimeAsZonedDateTime()).hasValueSatisfying(start -> {
            assertThat(start.getZone()).isEqualTo(ZoneId.of("America/Chicago"));
            assertThat(start.toInstant()).hasToString("2015-11-01T20:00:00Z"); // CST, after that day's change
        });
        assertThat(chicago.endTimeAsZonedDateTime()).map(end -> end.toInstant().toString())
                .contains("2015-11-01T21:30:00Z");
        assertThat(beijing.startTimeAsLocalDateTime()).isPresent();
        assertThat(beijing.timeZoneAsZoneId()).as("a name of the document's list is not guessed").isEmpty();
        assertThat(beijing.startTimeAsZonedDateTime()).isEmpty();
    }

    @Test
    void aTextInAnotherFormReadsAsEmptyAndStaysInTheGetter() throws Exception {
        Attendee attendee = mapper.readValue("{\"enter_time\": \"2022-03-17T13:39:15+08:00\", \"exit_time\": \"\"}",
                Attendee.class);
        Conference conference = mapper.readValue("{\"start_time\": \"1548284400\"}", Conference.class);

        assertThat(attendee.enterTimeAsLocalDateTime()).isEmpty();
        assertThat(attendee.getEnterTime()).isEqualTo("2022-03-17T13:39:15+08:00");
        assertThat(attendee.exitTimeAsLocalDateTime()).isEmpty();
        assertThat(conference.startTimeAsLocalDateTime()).isEmpty();
        assertThat(new Conference().startTimeAsZonedDateTime()).isEmpty();
    }

    @Test
    void theReadersAreNotWrittenBackAsFields() throws Exception {
        Conference conference = mapper.readValue("{\"start_time\": \"2015-11-01 14:00\"}", Conference.class);

        assertThat(mapper.writeValueAsString(conference)).doesNotContain("AsLocalDateTime").doesNotContain("Zoned");
    }
}
