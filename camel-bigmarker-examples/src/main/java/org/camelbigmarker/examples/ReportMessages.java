package org.camelbigmarker.examples;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.camelbigmarker.BigMarkerConstants;

/** One report as the JSON document sent to the queue and the CRM: conference, report name, rows. */
public class ReportMessages {

    private static final ObjectMapper JSON = new ObjectMapper();

    public String toJson(@Header(BigMarkerConstants.CONFERENCE_ID) String conference,
                         @Header(BigMarkerConstants.REPORT) String report, @Body List<?> rows)
            throws JsonProcessingException {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("conference_id", conference);
        message.put("report", report);
        message.put("rows", rows);
        return JSON.writeValueAsString(message);
    }
}
