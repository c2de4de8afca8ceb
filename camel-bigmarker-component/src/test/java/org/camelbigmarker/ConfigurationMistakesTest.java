package org.camelbigmarker;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.camelbigmarker.consumer.ConsumerKind;
import org.camelbigmarker.sandbox.BigMarkerSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every configuration mistake gets a clear answer at start: each option of the component's metadata (the list comes
 * from the component JSON, so a new option is covered without touching this test) set empty, zero, negative, huge,
 * of the wrong type, and options the component does not have, on a producer and on a consumer endpoint; every
 * operation with each credential style; every consumer kind with the options of the others. Each either starts, or
 * fails at start with a message that names the option: never a NullPointerException, never a cause without the
 * option's name.
 */
class ConfigurationMistakesTest {

    private static BigMarkerSandbox server;
    /** The component's own numeric options, whose ranges are checked (Camel's scheduler options keep Camel's rules). */
    private static final List<String> BIGMARKER_NUMBERS = OptionRanges.options();

    @BeforeAll
    static void startServer() throws Exception {
        server = BigMarkerSandbox.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static JsonNode metadata() throws Exception {
        try (InputStream in = ConfigurationMistakesTest.class
                .getResourceAsStream("/META-INF/org/camelbigmarker/bigmarker.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    /** Each simple option with each wrong value, as (option, value). */
    static Stream<Arguments> wrongValues() throws Exception {
        List<Arguments> cases = new ArrayList<>();
        metadata().path("properties").fields().forEachRemaining(option -> {
            String type = option.getValue().path("javaType").asText();
            List<String> values = switch (type) {
                case "int", "long" -> List.of("", "0", "-1", "99999999999", "9223372036854775807", "abc");
                case "boolean" -> List.of("", "maybe");
                case "java.lang.String" -> List.of("", " ");
                default -> option.getValue().has("enum") ? List.of("", "nothing-of-the-kind") : List.of();
            };
            values.forEach(value -> cases.add(Arguments.of(option.getKey(), value)));
        });
        cases.add(Arguments.of("noSuchOption", "1"));
        cases.add(Arguments.of("apikey", "lower-case-name"));
        return cases.stream();
    }

    @ParameterizedTest(name = "producer {0}=''{1}''")
    @MethodSource("wrongValues")
    void aProducerOptionWithAWrongValueStartsOrFailsNamingIt(String option, String value) {
        String uri = "bigmarker:conferences?operation=showConference&conferenceId=c1";
        startsOrNames(uri, option, value, false);
    }

    @ParameterizedTest(name = "consumer {0}=''{1}''")
    @MethodSource("wrongValues")
    void aConsumerOptionWithAWrongValueStartsOrFailsNamingIt(String option, String value) {
        String uri = "bigmarker:registrations?operation=listRegistrations&conferenceId=c1&initialDelay=3600000";
        startsOrNames(uri, option, value, true);
    }

    /** The component's own numeric options, each below and above its range. */
    static Stream<Arguments> componentValuesOutOfRange() {
        return OptionRanges.componentOptions().stream()
                .flatMap(option -> Stream.of(Arguments.of(option, "-2"), Arguments.of(option, "100000000")));
    }

    @ParameterizedTest(name = "component {0}=''{1}''")
    @MethodSource("componentValuesOutOfRange")
    void aComponentOptionOutOfRangeFailsTheStartNamingIt(String option, String value) throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            BigMarkerComponent component = camel.getComponent("bigmarker", BigMarkerComponent.class);
            org.apache.camel.support.PropertyBindingSupport.build().withIgnoreCase(true)
                    .bind(camel, component, option, value);
            camel.addRoutes(route("direct:in", "bigmarker:conferences?operation=showConference&conferenceId=c1"
                                               + "&apiKey=" + BigMarkerSandbox.API_KEY, false));
            Throwable failure = startFailure(camel);
            assertThat(failure).as(option + "=" + value + " started").isNotNull();
            assertNamesAnOption(failure, option);
            assertThat(messages(failure)).contains("must be from");
        }
    }

    /** Every operation, with credentials on the component, on the endpoint, as email and password, and with none. */
    static Stream<Arguments> operationsAndCredentials() {
        List<Arguments> cases = new ArrayList<>();
        for (BigMarkerOperation operation : BigMarkerOperation.values()) {
            for (String credentials : List.of("component", "endpoint", "login", "none")) {
                cases.add(Arguments.of(operation, credentials));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} with credentials: {1}")
    @MethodSource("operationsAndCredentials")
    void everyOperationStartsWithEachCredentialStyleOrNamesWhatIsMissing(BigMarkerOperation operation,
                                                                          String credentials) throws Exception {
        String uri = "bigmarker:" + operation.group() + "?operation=" + operation + "&baseUrl=" + server.baseUrl()
                     + "&allowPlainHttp=true" + switch (credentials) {
                         case "endpoint" -> "&apiKey=" + BigMarkerSandbox.API_KEY;
                         case "login" -> "&email=ada@example.com&password=s3cret";
                         default -> "";
                     };
        try (CamelContext camel = new DefaultCamelContext()) {
            if (credentials.equals("component")) {
                camel.getComponent("bigmarker", BigMarkerComponent.class).getConfiguration()
                        .setApiKey(BigMarkerSandbox.API_KEY);
            }
            camel.addRoutes(route("direct:in", uri, false));
            Throwable failure = startFailure(camel);
            if (failure != null) {
                assertNamesAnOption(failure, credentials.equals("none") ? "apiKey" : null);
            } else {
                assertThat(credentials.equals("none") && operation.needsApiKey())
                        .as("an operation that needs a key started without one").isFalse();
            }
        }
    }

    /** Every consumer kind, given each consumer option of the other kinds: it starts, or names the option. */
    static Stream<Arguments> kindsAndForeignOptions() {
        List<Arguments> cases = new ArrayList<>();
        for (ConsumerKind kind : ConsumerKind.values()) {
            for (ConsumerKind other : ConsumerKind.values()) {
                other.options().stream().filter(option -> !kind.options().contains(option))
                        .distinct().forEach(option -> cases.add(Arguments.of(kind, option)));
            }
        }
        return cases.stream().distinct();
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("kindsAndForeignOptions")
    void aConsumerKindGivenAnotherKindsOptionStartsOrNamesIt(ConsumerKind kind, String option) throws Exception {
        String uri = kind.uri().replace("GROUP", "channels").replace("LIST_OPERATION", "listChannels")
                .replace("=ID", "=c1").replace("CHANNEL", BigMarkerSandbox.CHANNEL)
                     + (kind.pushedOnly() ? "&webhookBaseUrl=https://integrations.example.com" : "");
        String value = switch (option) {
            case "identity" -> "email";
            case "reports" -> "reportChats";
            case "webhookBaseUrl" -> "https://integrations.example.com";
            case "webhook", "splitReportRows", "webhookKeepRegistration" -> "true";
            case "webhookPath" -> "/hooks";
            default -> "60";
        };
        startsOrNames(uri + (uri.contains("?") ? "&" : "?") + "initialDelay=3600000", option, value, true);
    }

    /** Every consumer kind, without credentials: it fails at start naming apiKey, not at every poll after. */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.EnumSource(ConsumerKind.class)
    void everyConsumerKindWithoutCredentialsFailsAtStartNamingTheOption(ConsumerKind kind) throws Exception {
        String uri = kind.uri().replace("GROUP", "channels").replace("LIST_OPERATION", "listChannels")
                .replace("=ID", "=c1").replace("CHANNEL", BigMarkerSandbox.CHANNEL);
        int sentBefore = server.requests().size();
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(route(uri + "&baseUrl=" + server.baseUrl() + "&allowPlainHttp=true&initialDelay=3600000",
                    "mock:out", true));
            Throwable failure = startFailure(camel);
            assertThat(failure).as(kind + " started without credentials").isNotNull();
            assertNamesAnOption(failure, "apiKey");
        }
        assertThat(server.requests()).as("nothing sent").hasSize(sentBefore);
    }

    @Test
    void anOptionOfTheWrongTypeNamesTheOptionAndTheValue() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(route("direct:in", "bigmarker:conferences?operation=showConference&maxRetries=many"
                                                + "&apiKey=k", false));
            Throwable failure = startFailure(camel);
            assertThat(failure).isNotNull();
            assertThat(messages(failure)).contains("maxRetries").contains("many");
        }
    }

    private static void startsOrNames(String baseUri, String option, String value, boolean consumer) {
        String uri = baseUri + "&baseUrl=" + server.baseUrl() + "&allowPlainHttp=true&apiKey="
                     + BigMarkerSandbox.API_KEY + "&" + option + "=" + value;
        try (CamelContext camel = new DefaultCamelContext()) {
            if (uri.contains("webhook=true")) { // a webhook consumer needs platform-http with an engine
                org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration http
                        = new org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration();
                http.setBindHost("127.0.0.1");
                http.setBindPort(0);
                camel.addService(new org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer(http));
            }
            camel.addRoutes(consumer ? route(uri, "mock:out", true) : route("direct:in", uri, false));
            Throwable failure = startFailure(camel);
            if (failure != null) {
                assertNamesAnOption(failure, option);
            } else {
                assertThat(value.equals("-1") && BIGMARKER_NUMBERS.contains(option))
                        .as(option + "=-1 started: a negative value must be refused").isFalse();
            }
        } catch (Exception unexpected) {
            throw new AssertionError(unexpected);
        }
    }

    private static RouteBuilder route(String from, String to, boolean consumer) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(from).to(to);
            }
        };
    }

    private static Throwable startFailure(CamelContext camel) {
        try {
            camel.start();
            return null;
        } catch (RuntimeException failure) {
            return failure;
        }
    }

    /** The failure names {@code option} (when given, else some option), and no NullPointerException is in it. */
    private static void assertNamesAnOption(Throwable failure, String option) {
        String messages = messages(failure);
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            assertThat(cause).as("a bare NullPointerException in: " + messages)
                    .isNotInstanceOf(NullPointerException.class);
        }
        if (option != null) {
            assertThat(messages.toLowerCase(Locale.ROOT)).as("the failure names " + option)
                    .contains(option.toLowerCase(Locale.ROOT));
        }
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            all.append(cause.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
