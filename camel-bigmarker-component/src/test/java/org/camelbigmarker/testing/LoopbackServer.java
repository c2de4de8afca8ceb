package org.camelbigmarker.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A server on a loopback port written by hand, for tests that need what ordinary test servers hide (exact headers,
 * how a connection ends): it accepts connections and serves each on its own thread.
 */
public abstract class LoopbackServer implements AutoCloseable {

    private final ServerSocket socket;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    protected LoopbackServer() throws IOException {
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** Serves one connection; closing it is up to the server. */
    protected abstract void serve(Socket connection);

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                threads.execute(() -> serve(connection));
            } catch (IOException closed) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        threads.shutdownNow();
    }
}
