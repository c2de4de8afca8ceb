package org.camelbigmarker.client;

import java.io.IOException;

/** Supplies the API-KEY header value: a configured key, or a token obtained by logging in. */
public interface ApiKeySource {

    String apiKey() throws IOException;

    /** Called after a 401: a login token is dropped so that the next call logs in again. */
    default void invalidate() {
    }
}
