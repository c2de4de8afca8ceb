package org.camelbigmarker.docshape;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camelbigmarker.testing.LoopbackServer;

/**
 * An HTTP/1.1 server on loopback that sends exactly the headers it is given: unlike the JDK's server, it adds no
 * Date header of its own. One request per connection (Connection: close); a body is read by its Content-Length.
 */
public final class BareHttpServer extends LoopbackServer {

    /** An answer: status, the headers to send (nothing else is added but Content-Length), and the body. */
    public record Answer(int status, Map<String, String> headers, byte[] body) {
    }

    /** A request: its method, path, query (or null), headers (names in lower case) and body (empty when none). */
    public record Request(String method, String path, String rawQuery, Map<String, String> headers, byte[] body) {
    }

    @FunctionalInterface
    public interface Handler {
        Answer handle(Request request) throws IOException;
    }

    private final Handler handler;

    public BareHttpServer(Handler handler) throws IOException {
        this.handler = handler;
    }

    @Override
    protected void serve(Socket connection) {
        try (connection) {
            InputStream in = connection.getInputStream();
            String[] headLines = readHead(in).split("\r\n");
            String[] requestLine = headLines[0].split(" ");
            String target = requestLine[1];
            int question = target.indexOf('?');
            Answer answer = handler.handle(new Request(requestLine[0], question < 0 ? target
                    : target.substring(0, question), question < 0 ? null : target.substring(question + 1),
                    headersOf(headLines), in.readNBytes(contentLength(headLines))));
            Map<String, String> headers = new LinkedHashMap<>(answer.headers());
            headers.put("Content-Length", String.valueOf(answer.body().length));
            headers.put("Connection", "close");
            StringBuilder head = new StringBuilder("HTTP/1.1 ").append(answer.status()).append(" X\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            OutputStream out = connection.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.write(answer.body());
            out.flush();
        } catch (IOException | RuntimeException ignored) {
            // a broken request ends its connection; the test sees what the client got
        }
    }

    private static Map<String, String> headersOf(String[] head) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            if (colon > 0) {
                headers.put(head[i].substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT),
                        head[i].substring(colon + 1).trim());
            }
        }
        return headers;
    }

    private static int contentLength(String[] head) {
        for (String line : head) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return 0;
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }
}
