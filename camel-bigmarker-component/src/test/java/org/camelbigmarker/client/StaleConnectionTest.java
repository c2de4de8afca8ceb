package org.camelbigmarker.client;

import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.camelbigmarker.BigMarkerComponent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server that closes kept-alive connections after 300 ms of quiet, as load balancers do (with longer times). A
 * write sent on such a connection fails although the server received nothing, and a write is never repeated: so the
 * component checks a connection idle for longer than validateAfterInactivity before reusing it.
 */
class StaleConnectionTest {

    private static final Map<String, Object> ADA = Map.of("email", "ada@example.com", "first_name", "Ada",
            "last_name", "Lovelace");

    /** Registers, waits past the server's idle close, registers again; null: the component's default check. */
    private static Exchange[] registerTwiceWithAPause(RawHttpServer server, Long validateAfterInactivity)
            throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            BigMarkerComponent component = new BigMarkerComponent();
            if (validateAfterInactivity != null) {
                component.setValidateAfterInactivity(validateAfterInactivity);
            }
            camel.addComponent("bigmarker", component);
            camel.start();
            String uri = "bigmarker:registrations?operation=register&conferenceId=c1&apiKey=k&allowPlainHttp=true"
                         + "&baseUrl=" + server.baseUrl();
            Exchange first = camel.createProducerTemplate().request(uri, e -> e.getMessage().setBody(ADA));
            Thread.sleep(800);
            Exchange second = camel.createProducerTemplate().request(uri, e -> e.getMessage().setBody(ADA));
            return new Exchange[] { first, second };
        }
    }

    @Test
    void aWriteAfterTheServerClosedAnIdleConnectionSucceeds() throws Exception {
        try (RawHttpServer server = new RawHttpServer(RawHttpServer.Behaviour.CLOSE_WHEN_IDLE, 300)) {
            Exchange[] calls = registerTwiceWithAPause(server, null);
            assertThat(calls[0].getException()).isNull();
            assertThat(calls[1].getException()).as("sent on a fresh connection").isNull();
            assertThat(server.requestsRead()).isEqualTo(2);
        }
    }

    @Test
    void withoutTheCheckTheSameWriteFailsAndIsNotRepeated() throws Exception {
        // shows that the test above meets the failure it guards against: here the check comes only after a minute
        try (RawHttpServer server = new RawHttpServer(RawHttpServer.Behaviour.CLOSE_WHEN_IDLE, 300)) {
            Exchange[] calls = registerTwiceWithAPause(server, 60_000L);
            assertThat(calls[0].getException()).isNull();
            assertThat(calls[1].getException()).as("written to a closed connection").isNotNull();
            assertThat(server.requestsRead()).as("and, being a write, not repeated").isEqualTo(1);
        }
    }
}
