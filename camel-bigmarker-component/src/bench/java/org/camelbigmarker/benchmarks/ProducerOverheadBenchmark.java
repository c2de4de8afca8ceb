package org.camelbigmarker.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPut;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.apache.hc.core5.net.WWWFormCodec;
import org.camelbigmarker.model.Conference;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One call through bigmarker: against the same call written by hand, (a) as a Camel route with camel-http and
 * Jackson, (b) with Apache HttpClient 5 and Jackson and no Camel. Same loopback server, same answer bytes, each
 * result mapped to the same type. Two calls: a GET (show conference, typed Conference) and a form PUT (register,
 * answer as a Map).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ProducerOverheadBenchmark {

    static final String KEY = "benchmark-key";
    static final String CONFERENCE = "{\"id\":\"xxxxxx1\",\"title\":\"Conference 1 Title\",\"conference_address\":"
                                     + "\"https://www.bigmarker.com/channel_url/conference_1_url\",\"purpose\":"
                                     + "\"To be great\",\"start_time\":\"2026-12-01 15:00\",\"duration\":60}";
    static final String REGISTERED = "{\"conference_url\":\"https://www.bigmarker.com/your_channel/your_conference\"}";
    static final Map<String, Object> REGISTRANT = Map.of("email", "ada@example.com", "first_name", "Ada",
            "last_name", "Lovelace");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** show: GET show conference; register: form PUT register. */
    @Param({ "show", "register" })
    public String call;

    private FixedAnswerServer server;
    private CamelContext camel;
    private ProducerTemplate template;
    private CloseableHttpClient http;

    @Setup(Level.Trial)
    public void start() throws Exception {
        server = new FixedAnswerServer(call.equals("show") ? CONFERENCE : REGISTERED, 0, 8);
        String base = server.baseUrl();
        camel = new DefaultCamelContext();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                String options = "apiKey=" + KEY + "&baseUrl=" + base + "&allowPlainHttp=true";
                from("direct:component-show")
                        .to("bigmarker:conferences?operation=showConference&conferenceId=xxxxxx1&" + options);
                from("direct:component-register")
                        .to("bigmarker:registrations?operation=register&conferenceId=xxxxxx1&" + options);
                from("direct:http-show")
                        .setHeader("API-KEY", constant(KEY))
                        .to(base + "/conferences/xxxxxx1")
                        .process(e -> e.getMessage().setBody(
                                JSON.readValue(e.getMessage().getBody(byte[].class), Conference.class)));
                from("direct:http-register")
                        .setHeader("API-KEY", constant(KEY))
                        .setHeader(Exchange.HTTP_METHOD, constant("PUT"))
                        .setHeader(Exchange.CONTENT_TYPE, constant("application/x-www-form-urlencoded"))
                        .process(e -> e.getMessage().setBody(form(e.getMessage().getBody(Map.class), "xxxxxx1")))
                        .to(base + "/conferences/register")
                        .process(e -> e.getMessage().setBody(
                                JSON.readValue(e.getMessage().getBody(byte[].class), Map.class)));
            }
        });
        camel.start();
        template = camel.createProducerTemplate();
        http = HttpClients.custom().disableAutomaticRetries().disableRedirectHandling().build();
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        http.close();
        camel.close();
        server.close();
    }

    static String form(Map<?, ?> registrant, String conference) {
        List<NameValuePair> pairs = new ArrayList<>();
        pairs.add(new BasicNameValuePair("id", conference));
        registrant.forEach((name, value) -> pairs.add(new BasicNameValuePair(name.toString(), value.toString())));
        return WWWFormCodec.format(pairs, StandardCharsets.UTF_8);
    }

    @Benchmark
    public Object bigmarkerComponent() {
        return template.requestBody("direct:component-" + call, call.equals("show") ? null : REGISTRANT);
    }

    @Benchmark
    public Object camelHttpRoute() {
        return template.requestBody("direct:http-" + call, call.equals("show") ? null : REGISTRANT);
    }

    @Benchmark
    public Object plainHttpClient() throws IOException {
        if (call.equals("show")) {
            HttpGet get = new HttpGet(server.baseUrl() + "/conferences/xxxxxx1");
            get.addHeader("API-KEY", KEY);
            return http.execute(get, response -> JSON.readValue(EntityUtils.toByteArray(response.getEntity()),
                    Conference.class));
        }
        HttpPut put = new HttpPut(server.baseUrl() + "/conferences/register");
        put.addHeader("API-KEY", KEY);
        put.setEntity(new StringEntity(form(REGISTRANT, "xxxxxx1"), ContentType.APPLICATION_FORM_URLENCODED));
        return http.execute(put, response -> JSON.readValue(EntityUtils.toByteArray(response.getEntity()),
                Map.class));
    }
}
