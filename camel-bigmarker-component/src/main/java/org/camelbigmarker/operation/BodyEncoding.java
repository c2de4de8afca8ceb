package org.camelbigmarker.operation;

/** Where an operation's non-path parameters travel. */
public enum BodyEncoding {
    /** No body: parameters go into the query string. */
    NONE,
    /** application/json body. */
    JSON,
    /** application/x-www-form-urlencoded body (register, unregister, login, registration block lists). */
    FORM
}
