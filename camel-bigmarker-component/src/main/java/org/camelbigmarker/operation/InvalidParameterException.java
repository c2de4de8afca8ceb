package org.camelbigmarker.operation;

/**
 * Bad input, found before any request is sent: a missing required parameter, a value of the wrong kind, an unknown or
 * misplaced operation. The message names the parameter or option.
 */
public class InvalidParameterException extends IllegalArgumentException {

    private final String parameter;

    public InvalidParameterException(String parameter, String problem) {
        super("BigMarker parameter '" + parameter + "' " + problem);
        this.parameter = parameter;
    }

    /** The name of the offending parameter or option. */
    public String getParameter() {
        return parameter;
    }
}
