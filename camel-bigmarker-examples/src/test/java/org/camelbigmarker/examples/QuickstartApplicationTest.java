package org.camelbigmarker.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuickstartApplicationTest {

    @Test
    void registersALeadAgainstTheEmbeddedStandIn() throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        String url = QuickstartApplication.run(Map.of(), new PrintStream(output, true, StandardCharsets.UTF_8));
        String printed = output.toString(StandardCharsets.UTF_8);
        assertThat(url).isEqualTo("https://www.bigmarker.com/acme-webinars/camel-in-production?bmid=b0a7");
        assertThat(printed).contains("Upcoming webinars of channel acme-webinars: 2")
                .contains("Summary: registered ada.lovelace@example.com to 'Camel in Production'");
    }
}
