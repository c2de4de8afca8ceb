package org.camelbigmarker.consumer.webhook;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.camelbigmarker.consumer.delivery.FeedItem;
import org.camelbigmarker.consumer.feed.FeedState;
import org.camelbigmarker.consumer.feed.PushTarget;
import org.camelbigmarker.metrics.WebhookPush;
import org.camelbigmarker.state.MemoryConsumerStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP side of a webhook: what is refused before the route, what is delivered, and the answer each gets. */
class WebhookReceiverTest {

    private static final String REGISTRATION = "{\"registration\":{\"email\":\"ann@example.com\",\"first_name\":\"Ann\","
                                               + "\"custom_field_Company\":\"Acme\"}}";

    private final DefaultCamelContext camel = new DefaultCamelContext();
    private final List<JsonNode> pushed = new CopyOnWriteArrayList<>();
    private final List<FeedItem> delivered = new CopyOnWriteArrayList<>();
    private WebhookReceiver.Outcome outcome = WebhookReceiver.Outcome.DELIVERED;
    private final WebhookToken token = WebhookToken.of(new WebhookRecords(new FeedState(new MemoryConsumerStore()),
            "scope"));
    private final PushTarget feed = new PushTarget() {
        @Override
        public String scope() {
            return "scope";
        }

        @Override
        public FeedItem pushed(JsonNode item) {
            pushed.add(item);
            return new FeedItem("key-" + item.path("email").asText(), item, Map.of());
        }
    };
    private final List<WebhookPush> answers = new CopyOnWriteArrayList<>();
    private final WebhookReceiver receiver = new WebhookReceiver(feed, WebhookKind.NEW_REGISTRATION,
            new WebhookReceiver.Deliverer() {
                @Override
                public WebhookReceiver.Outcome deliverPushed(FeedItem item) {
                    delivered.add(item);
                    return outcome;
                }

                @Override
                public void answered(WebhookPush push) {
                    answers.add(push);
                }
            }, token, "c1"::equals, 1024);

    @AfterEach
    void stop() throws Exception {
        camel.close();
    }

    private Exchange request(String method, String presentedToken, String conference, String body) throws Exception {
        Exchange http = new DefaultExchange(camel);
        http.getMessage().setHeader(Exchange.HTTP_METHOD, method);
        http.getMessage().setHeader("token", presentedToken);
        http.getMessage().setHeader("conference", conference);
        http.getMessage().setHeader("X-Echo", "never sent back");
        if (body != null) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            http.getMessage().setHeader("Content-Length", (long) bytes.length);
            http.getMessage().setBody(bytes);
        }
        receiver.process(http);
        return http;
    }

    private static int status(Exchange answered) {
        return answered.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
    }

    @Test
    void bigMarkersPostIsMappedToTheListsItemDeliveredAndAnswered200() throws Exception {
        Exchange answered = request("POST", token.value(), "c1", REGISTRATION);
        assertThat(status(answered)).isEqualTo(200);
        assertThat(answered.getMessage().getHeader("X-Echo")).as("nothing of the request echoed").isNull();
        assertThat(pushed).singleElement().satisfies(item -> {
            assertThat(item.path("conference_id").asText()).as("from the URL").isEqualTo("c1");
            assertThat(item.path("custom_fields").path("Company").asText()).isEqualTo("Acme");
        });
        assertThat(delivered).hasSize(1);
        assertThat(answers).containsExactly(WebhookPush.DELIVERED);
    }

    @Test
    void eachRefusalHasItsAnswerAndCountAndNeverReachesTheRoute() throws Exception {
        String wrong = token.value().substring(0, 31) + (token.value().endsWith("0") ? "1" : "0");
        assertThat(status(request("POST", wrong, "c1", REGISTRATION))).isEqualTo(404);
        assertThat(status(request("POST", null, "c1", REGISTRATION))).isEqualTo(404);
        assertThat(status(request("POST", token.value(), "c9", REGISTRATION))).isEqualTo(404);
        assertThat(status(request("GET", token.value(), "c1", null))).isEqualTo(405);
        assertThat(status(request("POST", token.value(), "c1", "{\"x\":\"" + "y".repeat(2000) + "\"}")))
                .isEqualTo(413);
        assertThat(status(request("POST", token.value(), "c1", "not json"))).isEqualTo(400);
        assertThat(status(request("POST", token.value(), "c1", "{\"registration\":{}}"))).isEqualTo(400);
        assertThat(delivered).isEmpty();
        assertThat(answers).containsExactly(WebhookPush.WRONG_TOKEN, WebhookPush.WRONG_TOKEN,
                WebhookPush.UNKNOWN_CONFERENCE, WebhookPush.NOT_POST, WebhookPush.TOO_LARGE, WebhookPush.UNREADABLE,
                WebhookPush.UNREADABLE);
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedWithoutReadingTheBody() throws Exception {
        Exchange http = new DefaultExchange(camel);
        http.getMessage().setHeader(Exchange.HTTP_METHOD, "POST");
        http.getMessage().setHeader("token", token.value());
        http.getMessage().setHeader("conference", "c1");
        http.getMessage().setHeader("Content-Length", 5_000_000L);
        http.getMessage().setBody(new java.io.InputStream() {
            @Override
            public int read() {
                throw new AssertionError("the body was read");
            }
        });
        receiver.process(http);
        assertThat(status(http)).isEqualTo(413);
    }

    @Test
    void theRoutesOutcomeDecidesTheAnswer() throws Exception {
        outcome = WebhookReceiver.Outcome.ROUTE_FAILED;
        assertThat(status(request("POST", token.value(), "c1", REGISTRATION))).as("no 2xx: BigMarker retries")
                .isEqualTo(500);
        outcome = WebhookReceiver.Outcome.STOPPING;
        assertThat(status(request("POST", token.value(), "c1", REGISTRATION))).isEqualTo(503);
        outcome = WebhookReceiver.Outcome.ALREADY_DELIVERED;
        assertThat(status(request("POST", token.value(), "c1", REGISTRATION))).isEqualTo(200);
        assertThat(answers).containsExactly(WebhookPush.ROUTE_FAILED, WebhookPush.STOPPING, WebhookPush.DUPLICATE);
    }
}
