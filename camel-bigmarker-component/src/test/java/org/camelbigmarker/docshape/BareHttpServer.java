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
 * Date header of its own. One request per connection (Connection: close), GET only, which is all a list read needs.
 */
final class BareHttpServer extends LoopbackServer {

    /** An answer: status, the headers to send (nothing else is added but Content-Length), and the body. */
    record Answer(int status, Map<String, String> headers, byte[] body) {
    }

    @FunctionalInterface
    interface Handler {
        Answer handle(String path, String rawQuery) throws IOException;
    }

    private final Handler handler;

    BareHttpServer(Handler handler) throws IOException {
        this.handler = handler;
    }

    @Override
    protected void serve(Socket connection) {
        try (connection) {
            String requestLine = readHead(connection.getInputStream()).split("\r\n")[0];
            String target = requestLine.split(" ")[1];
            int question = target.indexOf('?');
            Answer answer = handler.handle(question < 0 ? target : target.substring(0, question),
                    question < 0 ? null : target.substring(question + 1));
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
