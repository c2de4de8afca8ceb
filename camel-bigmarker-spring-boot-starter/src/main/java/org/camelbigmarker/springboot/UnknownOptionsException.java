package org.camelbigmarker.springboot;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code camel.component.bigmarker.*} properties that name no option of the component, each as it was written and
 * with the nearest option's property when one is near. {@link BigMarkerFailureAnalyzer} reports it at start-up.
 */
public class UnknownOptionsException extends IllegalArgumentException {

    private final Map<String, String> suggestions;

    /** @param suggestions each unknown property as written, to the nearest option's property (or null) */
    public UnknownOptionsException(Map<String, String> suggestions) {
        super("Unknown " + BigMarkerComponentAutoConfiguration.PREFIX + " options: "
              + suggestions.entrySet().stream()
                      .map(unknown -> unknown.getKey() + (unknown.getValue() == null ? ""
                              : " (did you mean " + unknown.getValue() + "?)"))
                      .collect(Collectors.joining(", "))
              + "; see the component reference for the options");
        this.suggestions = new LinkedHashMap<>(suggestions);
    }

    /** Each unknown property as written, to the nearest option's property (null when none is near). */
    public Map<String, String> suggestions() {
        return suggestions;
    }
}
