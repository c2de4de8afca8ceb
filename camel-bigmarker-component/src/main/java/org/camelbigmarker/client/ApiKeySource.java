package org.camelbigmarker.client;

import java.io.IOException;

/** Supplies the API-KEY header value: a configured key, or a token obtained by logging in. */
public interface ApiKeySource {

    String apiKey() throws IOException;

    /**
     * BigMarker answered 401 to a request sent with {@code rejected}. A source that can obtain another key does so
     * (once for all callers rejected with the same key) and returns true: the request may be repeated once, since a
     * 401 means the server did nothing. A fixed key returns false.
     */
    default boolean renewAfterRejection(String rejected) throws IOException {
        return false;
    }
}
