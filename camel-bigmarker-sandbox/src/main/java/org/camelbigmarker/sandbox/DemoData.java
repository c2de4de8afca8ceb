package org.camelbigmarker.sandbox;

import java.util.Map;

/**
 * The demo channel: two upcoming webinars, one live, one past with its reports, and registrations with custom
 * fields. Ids are fixed so that examples and their tests can name them.
 */
final class DemoData {

    static final String UPCOMING = "c0ffee01";
    static final String UPCOMING_2 = "c0ffee02";
    static final String LIVE = "c0ffee03";
    static final String PAST = "c0ffee00";

    private DemoData() {
    }

    static void seed(BigMarkerSandbox sandbox) {
        sandbox.conference(PAST, "BigMarker API Deep Dive", "past");
        sandbox.conference(UPCOMING, "Camel in Production", "future");
        sandbox.conference(UPCOMING_2, "Integration Patterns 101", "future");
        sandbox.conference(LIVE, "Kubernetes for Integrators", "live");
        sandbox.register(PAST, "grace.hopper@example.com", "Grace", "Hopper",
                Map.of("company", "Navy", "job_title", "Rear Admiral"));
        sandbox.register(PAST, "alan.turing@example.com", "Alan", "Turing", Map.of("company", "NPL"));
        sandbox.endConference(PAST);
        sandbox.register(UPCOMING, "katherine.johnson@example.com", "Katherine", "Johnson",
                Map.of("company", "NASA", "job_title", "Mathematician"));
        sandbox.register(LIVE, "linus.t@example.com", "Linus", "Torvalds", Map.of("company", "Linux Foundation"));
        sandbox.register(LIVE, "margaret.hamilton@example.com", "Margaret", "Hamilton", Map.of("company", "MIT"));
        sandbox.register(LIVE, "dennis.ritchie@example.com", "Dennis", "Ritchie", Map.of("company", "Bell Labs"));
    }
}
