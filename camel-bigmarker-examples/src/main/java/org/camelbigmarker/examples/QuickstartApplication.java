package org.camelbigmarker.examples;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.camelbigmarker.BigMarkerComponent;
import org.camelbigmarker.BigMarkerConfiguration;
import org.camelbigmarker.model.Conference;

/**
 * The smallest useful BigMarker integration: list a channel's upcoming webinars and register a lead to the first.
 * Without BIGMARKER_API_KEY it runs against a small embedded stand-in for BigMarker on loopback; with
 * BIGMARKER_API_KEY, BIGMARKER_CHANNEL and optionally BIGMARKER_BASE_URL it talks to BigMarker itself.
 */
public final class QuickstartApplication {

    private QuickstartApplication() {
    }

    public static void main(String[] args) throws Exception {
        run(System.getenv(), System.out);
    }

    /** Runs the example and returns the registered lead's conference URL. */
    public static String run(Map<String, String> env, PrintStream out) throws Exception {
        String apiKey = env.get("BIGMARKER_API_KEY");
        QuickstartSandbox sandbox = apiKey == null ? QuickstartSandbox.start() : null;
        try (CamelContext camel = new DefaultCamelContext()) {
            BigMarkerConfiguration bigmarker = camel.getComponent("bigmarker", BigMarkerComponent.class)
                    .getConfiguration();
            if (sandbox != null) {
                out.println("No BIGMARKER_API_KEY: using the embedded BigMarker stand-in at " + sandbox.baseUrl());
                bigmarker.setApiKey(QuickstartSandbox.API_KEY);
                bigmarker.setBaseUrl(sandbox.baseUrl());
                bigmarker.setAllowPlainHttp(true);
            } else {
                bigmarker.setApiKey(apiKey);
                bigmarker.setBaseUrl(env.getOrDefault("BIGMARKER_BASE_URL", BigMarkerConfiguration.DEFAULT_BASE_URL));
            }
            String channel = env.getOrDefault("BIGMARKER_CHANNEL", QuickstartSandbox.CHANNEL);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:upcoming")
                            .to("bigmarker:channels?operation=listChannelConferences&param.timing=future"
                                + "&param.channel_url=" + channel);
                    from("direct:register-lead")
                            .to("bigmarker:registrations?operation=registerOrUpdate");
                }
            });
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();

            List<?> upcoming = template.requestBody("direct:upcoming", null, List.class);
            out.println("Upcoming webinars of channel " + channel + ": " + upcoming.size());
            upcoming.forEach(c -> out.println("  - " + ((Conference) c).getTitle() + " (" + ((Conference) c).getId()
                                              + ") at " + ((Conference) c).getStartTime()));
            if (upcoming.isEmpty()) {
                out.println("Summary: no upcoming webinar, no lead registered");
                return null;
            }
            Conference first = (Conference) upcoming.get(0);
            Map<?, ?> registration = template.requestBodyAndHeader("direct:register-lead",
                    Map.of("email", "ada.lovelace@example.com", "first_name", "Ada", "last_name", "Lovelace"),
                    "CamelBigMarkerConferenceId", first.getId(), Map.class);
            String url = String.valueOf(registration.get("conference_url"));
            out.println("Summary: registered ada.lovelace@example.com to '" + first.getTitle() + "'; entry link " + url);
            return url;
        } finally {
            if (sandbox != null) {
                sandbox.stop();
            }
        }
    }
}
