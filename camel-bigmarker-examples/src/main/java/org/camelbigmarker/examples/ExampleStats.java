package org.camelbigmarker.examples;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Exchange;
import org.apache.camel.Handler;
import org.apache.camel.Header;
import org.camelbigmarker.BigMarkerConstants;

/** What the routes did, for the summary at the end of a run. */
public class ExampleStats {

    /** One report delivered to the queue and the CRM. */
    public record SentReport(String conference, String report, int rows, int crmStatus) {
    }

    private final AtomicInteger leadsRegistered = new AtomicInteger();
    private final AtomicInteger leadsRejected = new AtomicInteger();
    private final AtomicInteger registrationsUpserted = new AtomicInteger();
    private final AtomicInteger registrationsByWebhook = new AtomicInteger();
    private final List<SentReport> reports = new CopyOnWriteArrayList<>();

    public void leadRegistered() {
        leadsRegistered.incrementAndGet();
    }

    public void leadRejected() {
        leadsRejected.incrementAndGet();
    }

    /** A registration stored; {@code deliveredBy} is webhook (BigMarker pushed it) or poll. */
    public void registrationUpserted(@Header(BigMarkerConstants.DELIVERED_BY) String deliveredBy) {
        registrationsUpserted.incrementAndGet();
        if ("webhook".equals(deliveredBy)) {
            registrationsByWebhook.incrementAndGet();
        }
    }

    @Handler
    public void reportSent(Exchange exchange) {
        reports.add(new SentReport(exchange.getMessage().getHeader(BigMarkerConstants.CONFERENCE_ID, String.class),
                exchange.getMessage().getHeader(BigMarkerConstants.REPORT, String.class),
                exchange.getProperty("reportRows", 0, Integer.class),
                exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class)));
    }

    public int leadsRegistered() {
        return leadsRegistered.get();
    }

    public int leadsRejected() {
        return leadsRejected.get();
    }

    public int registrationsUpserted() {
        return registrationsUpserted.get();
    }

    public int registrationsByWebhook() {
        return registrationsByWebhook.get();
    }

    public List<SentReport> reports() {
        return reports;
    }
}
