package org.camelbigmarker.examples;

/** A lead row that cannot be registered, with the reason written to the rejects file. */
public class RejectedLeadException extends RuntimeException {

    public RejectedLeadException(String reason) {
        super(reason);
    }
}
