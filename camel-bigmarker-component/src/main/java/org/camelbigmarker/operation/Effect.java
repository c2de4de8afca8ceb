package org.camelbigmarker.operation;

/**
 * What an operation does to the server's state. It decides whether the call may be repeated after an I/O error that
 * happened once the request may have reached the server.
 */
public enum Effect {
    /** Reads only: safe to repeat. */
    READ,
    /** Changes state, but repeating it leaves the same state (register_or_update, updates by id). */
    IDEMPOTENT_WRITE,
    /** Changes state; never repeated once it may have reached the server (create, register, delete...). */
    WRITE;

    public boolean repeatableAfterIoError() {
        return this != WRITE;
    }
}
