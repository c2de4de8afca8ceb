package org.camelbigmarker.producer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.camelbigmarker.BigMarkerConfiguration;
import org.camelbigmarker.BigMarkerConstants;
import org.camelbigmarker.BigMarkerGroup;
import org.camelbigmarker.BigMarkerOperation;
import org.camelbigmarker.api.ApiCaller;
import org.camelbigmarker.docshape.BareHttpServer;
import org.camelbigmarker.model.Conference;
import org.camelbigmarker.operation.InvalidParameterException;
import org.camelbigmarker.testing.Callers;
import org.camelbigmarker.testing.QueryString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One message, one operation: resolved, checked before anything is sent, performed, its result in the body. */
class BigMarkerProducerTest {

    private final DefaultCamelContext camel = new DefaultCamelContext();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<BigMarkerOperation> credentialChecks = new CopyOnWriteArrayList<>();
    private final BigMarkerConfiguration configuration = new BigMarkerConfiguration();
    private BareHttpServer server;
    private BigMarkerProducer producer;
    private boolean credentials = true;

    @BeforeEach
    void start() throws Exception {
        server = new BareHttpServer(request -> {
            requests.add(request.method() + " " + request.path());
            String body = request.path().equals("/api/v1/conferences/")
                    ? "{\"conferences\":[{\"id\":\"c" + QueryString.parse(request.rawQuery()).get("page")
                      + "\"}],\"current_page\":" + QueryString.parse(request.rawQuery()).get("page")
                      + ",\"total_pages\":3,\"total_entries\":3,\"per_page\":1}"
                    : "{\"id\":\"c1\",\"title\":\"Quarterly review\"}";
            return new BareHttpServer.Answer(200, Map.of("Content-Type", "application/json"),
                    body.getBytes(StandardCharsets.UTF_8));
        });
        ApiCaller caller = Callers.to("http://127.0.0.1:" + server.port() + "/api/v1", "k");
        producer = new BigMarkerProducer(camel.getEndpoint("direct:test"), new ProducerSetup() {
            @Override
            public BigMarkerGroup group() {
                return BigMarkerGroup.conferences;
            }

            @Override
            public BigMarkerConfiguration configuration() {
                return configuration;
            }

            @Override
            public ApiCaller caller() {
                return caller;
            }

            @Override
            public void checkCredentialsFor(BigMarkerOperation operation) {
                credentialChecks.add(operation);
                if (!credentials) {
                    throw new InvalidParameterException("apiKey", "is missing");
                }
            }
        });
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        camel.close();
    }

    private Exchange send(Map<String, Object> headers) throws Exception {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setHeaders(new java.util.HashMap<>(headers));
        producer.process(exchange);
        return exchange;
    }

    @Test
    void theOperationOfTheHeaderIsPerformedAndItsTypedResultIsTheBody() throws Exception {
        Exchange done = send(Map.of(BigMarkerConstants.OPERATION, "showConference", BigMarkerConstants.CONFERENCE_ID,
                "c1"));
        assertThat(requests).containsExactly("GET /api/v1/conferences/c1");
        assertThat(done.getMessage().getBody(Conference.class).getTitle()).isEqualTo("Quarterly review");
        assertThat(done.getMessage().getHeader(BigMarkerConstants.HTTP_STATUS)).isEqualTo(200);
        assertThat(credentialChecks).containsExactly(BigMarkerOperation.showConference);
    }

    @Test
    void anOperationOfAnotherGroupIsRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> send(Map.of(BigMarkerConstants.OPERATION, "registerOrUpdate")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("belongs to group registrations")
                .hasMessageContaining("bigmarker:registrations?operation=registerOrUpdate");
        assertThatThrownBy(() -> send(Map.of(BigMarkerConstants.OPERATION, "noSuchThing")))
                .hasMessageContaining("is not a BigMarker operation");
        assertThatThrownBy(() -> send(Map.of())).as("no operation at all").hasMessageContaining("operation");
        assertThat(requests).isEmpty();
    }

    @Test
    void withoutCredentialsNothingIsSent() {
        credentials = false;
        assertThatThrownBy(() -> send(Map.of(BigMarkerConstants.OPERATION, "showConference",
                BigMarkerConstants.CONFERENCE_ID, "c1"))).hasMessageContaining("apiKey");
        assertThat(requests).isEmpty();
    }

    @Test
    void aListPageCarriesItsPagingHeaders() throws Exception {
        configuration.setOperation(BigMarkerOperation.listConferences);
        Exchange done = send(Map.of());
        assertThat(done.getMessage().getHeader(BigMarkerConstants.PAGE)).isEqualTo(1);
        assertThat(done.getMessage().getHeader(BigMarkerConstants.TOTAL_PAGES)).isEqualTo(3);
        assertThat(done.getMessage().getHeader(BigMarkerConstants.HAS_MORE_PAGES)).isEqualTo(true);
        assertThat(done.getMessage().getBody(List.class)).hasSize(1);
    }

    @Test
    void allPagesIsALazyIteratorOverEveryPage() throws Exception {
        configuration.setOperation(BigMarkerOperation.listConferences);
        Exchange done = send(Map.of(BigMarkerConstants.ALL_PAGES, true));
        assertThat(requests).as("the first page only, until the items are used").hasSize(1);
        List<String> ids = new ArrayList<>();
        for (Iterator<?> items = done.getMessage().getBody(Iterator.class); items.hasNext();) {
            ids.add(((Conference) items.next()).getId());
        }
        assertThat(ids).containsExactly("c1", "c2", "c3");
        assertThat(requests).hasSize(3);
    }
}
