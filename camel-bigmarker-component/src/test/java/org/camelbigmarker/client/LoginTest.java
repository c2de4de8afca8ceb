package org.camelbigmarker.client;

import org.camelbigmarker.testing.WireMockTestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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

/**
 * Email and password instead of a key: one login, the token shared; after a 401 one new login for all callers and
 * each rejected request repeated once; a failed login backed off instead of repeated per message.
 */
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

    private void loginAnswersTokenOneThenTokenTwo() {
        wireMock.stubFor(post(urlPathEqualTo(LOGIN)).inScenario("login").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("[{\"api_token\":\"token-1\"}]")).willSetStateTo("second"));
        wireMock.stubFor(post(urlPathEqualTo(LOGIN)).inScenario("login").whenScenarioStateIs("second")
                .willReturn(okJson("[{\"api_token\":\"token-2\"}]")));
        wireMock.stubFor(get(urlPathEqualTo(SHOW)).withHeader("API-KEY", equalTo("token-2"))
                .willReturn(okJson("{\"id\":\"c1\"}")));
    }

    private static void tokenOneIsRevoked() {
        wireMock.stubFor(get(urlPathEqualTo(SHOW)).withHeader("API-KEY", equalTo("token-1"))
                .willReturn(aResponse().withStatus(401).withBody("{\"error\":\"Missing or invalid API key.\"}")));
    }

    @Test
    void aRejectedTokenIsReplacedAndTheRequestRepeatedOnce() {
        loginAnswersTokenOneThenTokenTwo();
        tokenOneIsRevoked();

        Exchange exchange = template.request(endpoint(), e -> {
        });

        assertThat(exchange.getException()).as("a 401 means BigMarker did nothing: repeated with a new token").isNull();
        assertThat(wireMock.findAll(postRequestedFor(urlPathEqualTo(LOGIN)))).hasSize(2);
        assertThat(wireMock.findAll(getRequestedFor(urlPathEqualTo(SHOW)))).hasSize(2);
    }

    @Test
    void sixtyFourCallersRejectedTogetherCauseOneLoginAndAllSucceed() throws Exception {
        loginAnswersTokenOneThenTokenTwo();
        wireMock.stubFor(get(urlPathEqualTo(SHOW)).withHeader("API-KEY", equalTo("token-1"))
                .willReturn(okJson("{\"id\":\"c1\"}")));
        template.requestBody(endpoint(), (Object) null); // logged in with token-1
        tokenOneIsRevoked();

        ExecutorService callers = Executors.newFixedThreadPool(64);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Exchange>> calls = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            calls.add(callers.submit(() -> {
                start.await();
                return template.request(endpoint(), e -> {
                });
            }));
        }
        start.countDown();
        int failed = 0;
        for (Future<Exchange> call : calls) {
            failed += call.get(30, TimeUnit.SECONDS).getException() == null ? 0 : 1;
        }
        callers.shutdown();

        assertThat(failed).as("calls that failed after the token was revoked").isZero();
        assertThat(wireMock.findAll(postRequestedFor(urlPathEqualTo(LOGIN))))
                .as("one login at start, one after the revocation, however many 401s came late").hasSize(2);
    }

    @Test
    void aWrongPasswordDoesNotCauseALoginPerMessage() {
        wireMock.stubFor(post(urlPathEqualTo(LOGIN)).willReturn(aResponse().withStatus(401)
                .withBody("{\"error\":\"Invalid email or password.\"}")));

        List<Exception> failures = new ArrayList<>();
        for (int i = 0; i < 320; i++) {
            failures.add(template.request(endpoint(), e -> {
            }).getException());
        }

        assertThat(failures).allSatisfy(failure -> assertThat(failure).hasMessageContaining("HTTP 401")
                .hasMessageContaining("Invalid email or password."));
        assertThat(failures.get(319)).hasMessageContaining("the last login failed");
        assertThat(wireMock.findAll(postRequestedFor(urlPathEqualTo(LOGIN)))).as("logins for 320 messages")
                .hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void theLoginOperationNeedsNoConfiguredCredentials() {
        wireMock.stubFor(post(urlPathEqualTo(LOGIN)).willReturn(okJson("[{\"api_token\":\"token-9\"}]")));
        Object answer = template.requestBody("bigmarker:auth?operation=login&allowPlainHttp=true&baseUrl=" + baseUrl(),
                java.util.Map.of("email", "ada@example.com", "password", "s3cret-pass"));
        assertThat(answer.toString()).contains("token-9");
        assertThat(wireMock.findAll(postRequestedFor(urlPathEqualTo(LOGIN))).get(0).getBodyAsString())
                .isEqualTo("email=ada%40example.com&password=s3cret-pass");
    }
}
