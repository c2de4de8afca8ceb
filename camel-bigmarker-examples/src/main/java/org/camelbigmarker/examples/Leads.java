package org.camelbigmarker.examples;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Lead rows from a CSV file (header: email, first_name, last_name, webinar_id, company, job_title): parsed, checked,
 * and turned into register_or_update parameters. Used by the Java and the YAML routes alike.
 */
public class Leads {

    private final String defaultWebinar;

    public Leads(String defaultWebinar) {
        this.defaultWebinar = defaultWebinar;
    }

    /** Every data row, as a Map of its columns plus "line" (its line number in the file). */
    public List<Map<String, String>> parse(String csv) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (Reader reader = new StringReader(csv)) {
            for (CSVRecord record : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                    .setTrim(true).setIgnoreEmptyLines(true).get().parse(reader)) {
                Map<String, String> row = new LinkedHashMap<>(record.toMap());
                row.put("line", String.valueOf(record.getRecordNumber() + 1));
                rows.add(row);
            }
        }
        return rows;
    }

    /** Throws {@link RejectedLeadException} naming what is wrong with the row. */
    public void check(Map<String, String> row) {
        for (String column : List.of("email", "first_name", "last_name")) {
            if (blank(row.get(column))) {
                throw new RejectedLeadException("missing " + column);
            }
        }
        if (!row.get("email").matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new RejectedLeadException("invalid email '" + row.get("email") + "'");
        }
    }

    /** The webinar the lead registers to: its own webinar_id, or the default one. */
    public String webinarOf(Map<String, String> row) {
        return blank(row.get("webinar_id")) ? defaultWebinar : row.get("webinar_id");
    }

    /** The register_or_update parameters of a checked row; company and job title become custom fields. */
    public Map<String, Object> toRegistration(Map<String, String> row) {
        Map<String, Object> registration = new LinkedHashMap<>();
        registration.put("email", row.get("email"));
        registration.put("first_name", row.get("first_name"));
        registration.put("last_name", row.get("last_name"));
        Map<String, String> customFields = new LinkedHashMap<>();
        for (String field : List.of("company", "job_title")) {
            if (!blank(row.get(field))) {
                customFields.put(field, row.get(field));
            }
        }
        if (!customFields.isEmpty()) {
            registration.put("custom_fields", customFields);
        }
        return registration;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
