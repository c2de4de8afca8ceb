package org.camelbigmarker.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;

/** Camel's platform-http on Vert.x, listening on a loopback port only: what webhook consumers in tests listen on. */
public final class LoopbackPlatformHttp {

    private LoopbackPlatformHttp() {
    }

    /** Adds the server to the context, on 127.0.0.1 and the port. */
    public static void addTo(CamelContext camel, int port) throws Exception {
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(port);
        camel.addService(new VertxPlatformHttpServer(server));
    }

    /** A loopback port free at the time of asking. */
    public static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return free.getLocalPort();
        }
    }
}
