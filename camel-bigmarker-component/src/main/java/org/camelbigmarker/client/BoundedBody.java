package org.camelbigmarker.client;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import org.apache.hc.core5.http.HttpEntity;

/**
 * Reads an answer's body up to a limit, so that no answer, however large, costs more memory than the limit. A longer
 * body is left unread: the stream is not closed here, because closing it would drain the rest; the caller aborts the
 * connection instead.
 *
 * @param bytes    what was read: the whole body, or its first {@code limit} bytes
 * @param complete false when the body is longer than the limit
 */
record BoundedBody(byte[] bytes, boolean complete) {

    private static final byte[] EMPTY = new byte[0];

    static BoundedBody read(HttpEntity entity, int limit) throws IOException {
        InputStream in = entity == null ? null : entity.getContent();
        if (in == null) {
            return new BoundedBody(EMPTY, true);
        }
        long declared = entity.getContentLength();
        if (declared > limit) {
            return new BoundedBody(EMPTY, false); // refused on its declared length: nothing read at all
        }
        if (declared >= 0) {
            byte[] exact = new byte[(int) declared]; // the usual case: one array of the right size, no copy
            int length = fill(in, exact, 0);
            return new BoundedBody(length == exact.length ? exact : Arrays.copyOf(exact, length), true);
        }
        byte[] buffer = new byte[Math.min(limit + 1, 8192)];
        int length = 0;
        while (true) {
            length = fill(in, buffer, length);
            if (length < buffer.length) {
                return new BoundedBody(Arrays.copyOf(buffer, length), true);
            }
            if (length > limit) {
                return new BoundedBody(Arrays.copyOf(buffer, limit), false);
            }
            buffer = Arrays.copyOf(buffer, (int) Math.min((long) limit + 1, buffer.length * 2L));
        }
    }

    /** Reads into {@code buffer} from {@code offset} until it is full or the stream ends; returns the new length. */
    private static int fill(InputStream in, byte[] buffer, int offset) throws IOException {
        int length = offset;
        while (length < buffer.length) {
            int read = in.read(buffer, length, buffer.length - length);
            if (read < 0) {
                break;
            }
            length += read;
        }
        return length;
    }
}
