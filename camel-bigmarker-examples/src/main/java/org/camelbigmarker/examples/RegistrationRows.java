package org.camelbigmarker.examples;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camelbigmarker.model.Registration;

/** A delivered registration as the columns of the registrations table (every column present, for camel-sql). */
public class RegistrationRows {

    public Map<String, Object> toRow(Registration registration) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", registration.getId() != null ? registration.getId()
                : registration.getConferenceId() + ":" + registration.getEmail());
        row.put("bmid", registration.getBmid());
        row.put("email", registration.getEmail());
        row.put("first_name", registration.getFirstName());
        row.put("last_name", registration.getLastName());
        row.put("conference_id", registration.getConferenceId());
        row.put("company", registration.getCustomFields() instanceof Map<?, ?> fields && fields.get("company") != null
                ? fields.get("company").toString() : null);
        row.put("registered_at", registration.getRegisteredAt());
        return row;
    }
}
