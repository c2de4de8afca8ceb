package org.camelbigmarker.client;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.NameValuePair;
import org.camelbigmarker.operation.Effect;

/**
 * One call to the API, fully built and validated: nothing in it is resolved later.
 *
 * @param operation     the operation name, for messages
 * @param method        HTTP method
 * @param path          path below the base URL, path parameters already encoded
 * @param query         query parameters (encoded when the URI is built)
 * @param body          request body, or null
 * @param contentType   the body's content type, or null
 * @param effect        decides whether the call may be repeated after an I/O error
 * @param authenticated false only for login, which obtains the key
 */
public record ApiRequest(String operation, String method, String path, List<NameValuePair> query, byte[] body,
        ContentType contentType, Effect effect, boolean authenticated) {

    /**
     * A form body, labelled with the charset it is encoded in. HttpClient's APPLICATION_FORM_URLENCODED says
     * ISO-8859-1, and a server that honours the label would garble every accented name and password.
     */
    public static final ContentType FORM = ContentType.create("application/x-www-form-urlencoded",
            StandardCharsets.UTF_8);
}
