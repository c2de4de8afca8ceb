package org.camelbigmarker.ha;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.camelbigmarker.sandbox.BigMarkerSandbox;

/** People registering to conference c1 of the sandbox one after another, while a test moves leadership around. */
final class RegistrationStream implements AutoCloseable {

    private final List<String> registered = new CopyOnWriteArrayList<>();
    private final Thread registering;
    private volatile boolean running = true;

    RegistrationStream(BigMarkerSandbox server, long pauseMillis) {
        registering = new Thread(() -> {
            while (running) {
                registered.addAll(server.register("c1", 1));
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException stopped) {
                    return;
                }
            }
        }, "registrations");
        registering.start();
    }

    /** Stops registering and returns everyone who registered. */
    List<String> stop() throws InterruptedException {
        running = false;
        registering.join();
        return List.copyOf(registered);
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
