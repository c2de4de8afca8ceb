package org.camelbigmarker.benchmarks;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Run in a fresh JVM: starts a CamelContext with one route, to a bigmarker endpoint ("with") or to a log endpoint
 * ("without"; "libraries": the same, after building an HttpClient 5 and a Jackson ObjectMapper), and prints the milliseconds from the JVM's start and from the context's creation to started.
 */
public final class StartupProbe {

    private StartupProbe() {
    }

    public static void main(String[] args) throws Exception {
        boolean withBigMarker = args[0].equals("with");
        long created = System.nanoTime();
        if (args[0].equals("libraries")) {
            new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"id\":1}");
            org.apache.hc.client5.http.impl.classic.HttpClients.custom().build().close();
        }
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:in").to(withBigMarker
                            ? "bigmarker:conferences?operation=showConference&apiKey=k&conferenceId=c1"
                            : "log:out");
                }
            });
            camel.start();
            long contextMillis = (System.nanoTime() - created) / 1_000_000;
            long jvmMillis = System.currentTimeMillis()
                             - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
            System.out.println("STARTUP " + contextMillis + " " + jvmMillis);
        }
    }
}
