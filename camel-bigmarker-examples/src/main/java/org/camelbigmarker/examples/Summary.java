package org.camelbigmarker.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** What a run did, in the words a person checks: leads, rejects, stored registrations, reports and where they went. */
public record Summary(int leadsRegistered, int leadsRejected, Path rejectsFile, int registrationsStored,
        int registrationsDeliveredThisRun, int registrationsByWebhook, String database, List<ExampleStats.SentReport> reports, String queue, int queueDepth, String crmUrl,
        boolean finished) {

    public void print(PrintStream out) {
        out.println();
        out.println("Summary" + (finished ? "" : " (the run timed out before everything arrived)"));
        out.println("  Leads: " + leadsRegistered + " registered, " + leadsRejected + " rejected"
                    + (leadsRejected > 0 ? " (reasons in " + rejectsFile + ")" : ""));
        out.println("  Registrations stored in the database: " + registrationsStored + ", " + registrationsDeliveredThisRun
                    + " of them delivered in this run (" + database + ")");
        out.println("    by webhook: " + registrationsByWebhook + ", by the poll: "
                    + (registrationsDeliveredThisRun - registrationsByWebhook)
                    + " (registrations made before the start, and any webhook that did not come)");
        out.println("  Reports sent: " + reports.size() + " to queue " + queue + " (" + queueDepth
                    + " messages waiting) and to the CRM at " + crmUrl);
        reports.forEach(report -> out.println("    - " + report.report() + " of webinar " + report.conference() + ": "
                                              + report.rows() + " rows, CRM answered HTTP " + report.crmStatus()));
    }
}
