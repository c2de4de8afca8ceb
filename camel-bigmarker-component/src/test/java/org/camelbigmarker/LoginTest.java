package org.camelbigmarker;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Email and password instead of a key: one login, the token reused, a new login after a 401. */
class LoginTest extends WireMockTestSupport {

    private static final String LOGIN = "/api/v1/members/login";
    private static final String SHOW = "/api/v1/conferences/c1";

    private static String endpoint() {
        return "bigmarker:conferences?operation=showConference&conferenceId=c1&email=ada@example.com"
               + "&password=s3cret-pass&allowPlainHttp=true&baseUrl=" + baseUrl();
    }

    @Test
    void logsInOnceAndReusesTheToken() {
        wireMock.stubFor(post(urlPathEqualTo(LOGIN)).willReturn(okJson("[{\"api_token\":\"token-1\"}]")));
        wireMock.stubFor(get(urlPathEqualTo(SHOW)).willReturn(okJson("{\"id\":\"c1\"}")));
        template.requestBody(endpoint(), (Object) null);
        template.requestBody(endpoint(), (Object) null);
        assertThat(wireMock.findAll(postRequestedFor(urlPathEqualTo(LOGIN)))).hasSize(1);
        assertThat(wireMock.findAll(postRequestedFor(urlPathEqualTo(LOGIN))).get(0).getBodyAsString())
                .isEqualTo("email=ada%40example.com&password=s3cret-pass");
        assertThat(wireMock.findAll(getRequestedFor(urlPathEqualTo(SHOW)).withHeader("API-KEY", equalTo("token-1"))))
                .hasSize(2);
    }

    @Test
    void aRejectedTokenIsDroppedAndTheNextCallLogsInAgain() {
        wireMock.stubFor(post(urlPathEqualTo(LOGIN)).inScenario("login").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("[{\"api_token\":\"token-1\"}]")).willSetStateTo("second"));
        wireMock.stubFor(post(urlPathEqualTo(LOGIN)).inScenario("login").whenScenarioStateIs("second")
                .willReturn(okJson("[{\"api_token\":\"token-2\"}]")));
        wireMock.stubFor(get(urlPathEqualTo(SHOW)).withHeader("API-KEY", equalTo("token-1"))
                .willReturn(aResponse().withStatus(401).withBody("{\"error\":\"Missing or invalid API key.\"}")));
        wireMock.stubFor(get(urlPathEqualTo(SHOW)).withHeader("API-KEY", equalTo("token-2"))
                .willReturn(okJson("{\"id\":\"c1\"}")));

        Exchange first = template.request(endpoint(), e -> {
        });
        assertThat(first.getException()).hasMessageContaining("HTTP 401");
        Exchange second = template.request(endpoint(), e -> {
        });
        assertThat(second.getException()).isNull();
        assertThat(wireMock.findAll(postRequestedFor(urlPathEqualTo(LOGIN)))).hasSize(2);
    }
}
