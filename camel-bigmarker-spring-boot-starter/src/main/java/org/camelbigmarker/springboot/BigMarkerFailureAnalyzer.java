package org.camelbigmarker.springboot;

import java.util.stream.Collectors;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a misspelt {@code camel.component.bigmarker.*} property the way Spring Boot reports its own: what was
 * written, and the property meant, instead of the fifth "Caused by" of a Camel stack trace.
 */
public class BigMarkerFailureAnalyzer extends AbstractFailureAnalyzer<UnknownOptionsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnknownOptionsException cause) {
        String description = cause.suggestions().keySet().stream()
                .map(property -> "The property '" + property + "' is not an option of the bigmarker component.")
                .collect(Collectors.joining("\n"));
        String action = cause.suggestions().entrySet().stream()
                .map(unknown -> unknown.getValue() != null ? "Did you mean '" + unknown.getValue() + "'?"
                        : "Remove '" + unknown.getKey() + "', or use one of the options in docs/reference.md.")
                .collect(Collectors.joining("\n"));
        return new FailureAnalysis(description, action, cause);
    }
}
