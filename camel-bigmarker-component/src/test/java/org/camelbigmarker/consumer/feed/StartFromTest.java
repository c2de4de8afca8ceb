package org.camelbigmarker.consumer.feed;

import java.time.Instant;

import org.camelbigmarker.operation.InvalidParameterException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The startFrom option: beginning (the default), now, Unix seconds or an ISO-8601 time; anything else named. */
class StartFromTest {

    @Test
    void eachFormIsRead() {
        assertThat(StartFrom.parse(null).kind()).isEqualTo(StartFrom.Kind.BEGINNING);
        assertThat(StartFrom.parse(" NOW ").kind()).isEqualTo(StartFrom.Kind.NOW);
        assertThat(StartFrom.parse("1764583200").time()).isEqualTo(Instant.parse("2025-12-01T10:00:00Z"));
        assertThat(StartFrom.parse("2026-12-01T10:00:00Z").time()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
        assertThat(StartFrom.parse("2026-12-01T11:00:00+01:00").time())
                .isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
    }

    @Test
    void anythingElseFailsNamingTheOption() {
        assertThatThrownBy(() -> StartFrom.parse("yesterday")).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("startFrom").hasMessageContaining("'yesterday'");
    }
}
