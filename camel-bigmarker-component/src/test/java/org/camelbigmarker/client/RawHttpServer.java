package org.camelbigmarker.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.camelbigmarker.testing.LoopbackServer;

/**
 * A hand-written HTTP/1.1 server on loopback whose connection behaviour the test chooses, which ordinary test servers
 * hide: it closes a kept-alive connection after a short idle time, or resets the connection after it read a request
 * instead of answering. It counts the requests it read in full.
 */
final class RawHttpServer extends LoopbackServer {

    enum Behaviour {
        /** Answers 200 {"ok":true} and keeps the connection open, closing it once idle for {@code idleMillis}. */
        CLOSE_WHEN_IDLE,
        /** Reads the whole request, then resets the connection without answering. */
        RESET_AFTER_READING
    }

    private final Behaviour behaviour;
    private final int idleMillis;
    private final AtomicInteger requestsRead = new AtomicInteger();

    RawHttpServer(Behaviour behaviour, int idleMillis) throws IOException {
        this.behaviour = behaviour;
        this.idleMillis = idleMillis;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port() + "/api/v1";
    }

    int requestsRead() {
        return requestsRead.get();
    }

    @Override
    protected void serve(Socket connection) {
        try (connection) {
            connection.setSoTimeout(idleMillis);
            InputStream in = connection.getInputStream();
            OutputStream out = connection.getOutputStream();
            while (true) {
                if (!readRequest(in)) {
                    return; // idle too long, or the client closed: close our side
                }
                requestsRead.incrementAndGet();
                if (behaviour == Behaviour.RESET_AFTER_READING) {
                    connection.setSoLinger(true, 0); // RST instead of FIN
                    return;
                }
                byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                           + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
            }
        } catch (IOException ignored) {
            // the test looks at what was read, not at how the connection ended
        }
    }

    /** Reads one request (head and Content-Length body); false when the connection ended or stayed idle. */
    private static boolean readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        try {
            while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    return false;
                }
                head.write(b);
            }
        } catch (SocketTimeoutException idle) {
            return false;
        }
        int length = 0;
        for (String line : head.toString(StandardCharsets.US_ASCII).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        in.readNBytes(length);
        return true;
    }
}
