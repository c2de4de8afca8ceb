package org.camelbigmarker.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Handler;
import org.apache.commons.csv.CSVFormat;

/** Appends a rejected lead, with the reason, to the rejects CSV file (created with a header when missing). */
public class Rejects {

    private static final String HEADER = "line,email,first_name,last_name,webinar_id,reason\n";

    private final Path file;
    private final ExampleStats stats;

    public Rejects(Path file, ExampleStats stats) {
        this.file = file;
        this.stats = stats;
    }

    @Handler
    public synchronized void write(Exchange exchange) throws IOException {
        Map<?, ?> row = exchange.getProperty("lead", Map.class);
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String reason = cause == null ? "unknown" : cause.getMessage();
        Files.createDirectories(file.getParent());
        if (!Files.exists(file)) {
            Files.writeString(file, HEADER, StandardCharsets.UTF_8);
        }
        String line = CSVFormat.DEFAULT.format(row.get("line"), row.get("email"), row.get("first_name"),
                row.get("last_name"), row.get("webinar_id"), reason) + "\n";
        Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        stats.leadRejected();
    }

    public Path file() {
        return file;
    }
}
