package org.camelbigmarker.api;

import org.camelbigmarker.BigMarkerConstants;
import org.camelbigmarker.testing.WireMockTestSupport;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.camelbigmarker.model.Registration;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** One page with its paging headers, or every page fetched lazily; the API's several envelope shapes. */
class PagingTest extends WireMockTestSupport {

    private static final String REGISTRATIONS_PATH = "/api/v1/conferences/registrations/c1";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:all-registrations")
                        .to(uri("registrations", "listRegistrations", "conferenceId=c1", "allPages=true",
                                "param.per_page=2"))
                        .split(body()).streaming().to("mock:registration");
            }
        };
    }

    private static String page(int number, int totalPages, String... emails) {
        StringBuilder items = new StringBuilder();
        for (String email : emails) {
            items.append(items.isEmpty() ? "" : ",").append("{\"email\":\"").append(email).append("\"}");
        }
        return "{\"current_page\":" + number + ",\"per_page\":2,\"total_pages\":" + totalPages
               + ",\"registrations\":[" + items + "]}";
    }

    private static void stubPage(String pageParameter, int number, String body) {
        wireMock.stubFor(get(urlPathEqualTo(REGISTRATIONS_PATH)).withQueryParam(pageParameter, equalTo("" + number))
                .willReturn(okJson(body)));
    }

    @Test
    void onePageWithPagingHeaders() {
        stubPage("page", 2, page(2, 3, "c@x.com", "d@x.com"));
        Exchange exchange = template.request(uri("registrations", "listRegistrations", "conferenceId=c1",
                "param.page=2", "param.per_page=2"), e -> {
                });
        assertThat(exchange.getException()).isNull();
        List<?> body = exchange.getMessage().getBody(List.class);
        assertThat(body).hasSize(2).first().isInstanceOf(Registration.class);
        assertThat(exchange.getMessage().getHeader(BigMarkerConstants.PAGE)).isEqualTo(2);
        assertThat(exchange.getMessage().getHeader(BigMarkerConstants.TOTAL_PAGES)).isEqualTo(3);
        assertThat(exchange.getMessage().getHeader(BigMarkerConstants.HAS_MORE_PAGES)).isEqualTo(true);
    }

    @Test
    void everyPageIsDeliveredWithTheKeyOnEveryRequest() throws Exception {
        stubPage("page", 1, page(1, 3, "a@x.com", "b@x.com"));
        stubPage("page", 2, page(2, 3, "c@x.com", "d@x.com"));
        stubPage("page", 3, page(3, 3, "e@x.com"));
        MockEndpoint mock = getMockEndpoint("mock:registration");
        mock.expectedMessageCount(5);
        template.sendBody("direct:all-registrations", null);
        mock.assertIsSatisfied();
        List<String> emails = new ArrayList<>();
        mock.getExchanges().forEach(e -> emails.add(e.getMessage().getBody(Registration.class).getEmail()));
        assertThat(emails).containsExactly("a@x.com", "b@x.com", "c@x.com", "d@x.com", "e@x.com");
        List<LoggedRequest> requests = wireMock.findAll(getRequestedFor(urlPathEqualTo(REGISTRATIONS_PATH)));
        assertThat(requests).hasSize(3)
                .allSatisfy(request -> assertThat(request.getHeader("API-KEY")).isEqualTo(API_KEY));
    }

    @Test
    void pagesAreFetchedOnlyAsTheBodyIsRead() {
        stubPage("page", 1, page(1, 2, "a@x.com", "b@x.com"));
        stubPage("page", 2, page(2, 2, "c@x.com"));
        Iterator<?> all = template.requestBody(uri("registrations", "listRegistrations", "conferenceId=c1",
                "allPages=true", "param.per_page=2"), null, Iterator.class);
        assertThat(wireMock.findAll(getRequestedFor(urlPathEqualTo(REGISTRATIONS_PATH)))).hasSize(1);
        List<Object> items = new ArrayList<>();
        all.forEachRemaining(items::add);
        assertThat(items).hasSize(3);
        assertThat(wireMock.findAll(getRequestedFor(urlPathEqualTo(REGISTRATIONS_PATH)))).hasSize(2);
    }

    @Test
    void withoutTotalsAShortPageIsNoEndOnlyAnEmptyPageIs() {
        String chats = "/api/v1/reporting/conferences/chat_transcript/c1";
        // a server that gives 2 a page whatever was asked: page 1 is short of the 10 asked, and not the end
        wireMock.stubFor(get(urlPathEqualTo(chats)).withQueryParam("current_page", equalTo("1"))
                .willReturn(okJson("{\"chats\":[{\"chat\":\"1\"},{\"chat\":\"2\"}]}")));
        wireMock.stubFor(get(urlPathEqualTo(chats)).withQueryParam("current_page", equalTo("2"))
                .willReturn(okJson("{\"chats\":[{\"chat\":\"3\"},{\"chat\":\"4\"}]}")));
        wireMock.stubFor(get(urlPathEqualTo(chats)).withQueryParam("current_page", equalTo("3"))
                .willReturn(okJson("{\"chats\":[{\"chat\":\"5\"}]}")));
        wireMock.stubFor(get(urlPathEqualTo(chats)).withQueryParam("current_page", equalTo("4"))
                .willReturn(okJson("{\"chats\":[]}")));
        List<Object> items = new ArrayList<>();
        template.requestBodyAndHeader(uri("reporting", "reportChats", "conferenceId=c1", "allPages=true",
                "param.current_page=1", "param.per_page=10"), null, BigMarkerConstants.ALL_PAGES, true,
                Iterator.class).forEachRemaining(items::add);
        assertThat(items).hasSize(5);
        assertThat(wireMock.findAll(getRequestedFor(urlPathEqualTo(chats)))).as("one request more: the empty page")
                .hasSize(4);
    }

    @Test
    void aServerThatIgnoresThePageParameterDoesNotLoopForever() {
        wireMock.stubFor(get(urlPathEqualTo(REGISTRATIONS_PATH))
                .willReturn(okJson("{\"registrations\":[{\"email\":\"a@x.com\"},{\"email\":\"b@x.com\"}]}")));
        List<Object> items = new ArrayList<>();
        template.requestBody(uri("registrations", "listRegistrations", "conferenceId=c1", "allPages=true",
                "param.per_page=2"), null, Iterator.class).forEachRemaining(items::add);
        assertThat(items).hasSize(2);
        assertThat(wireMock.findAll(getRequestedFor(urlPathEqualTo(REGISTRATIONS_PATH)))).hasSize(2);
    }
}
