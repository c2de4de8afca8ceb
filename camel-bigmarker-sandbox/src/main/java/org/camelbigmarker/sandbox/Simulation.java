package org.camelbigmarker.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Steps run one after the other at a fixed period on a daemon thread: life on BigMarker while an example runs. */
final class Simulation {

    private final Duration period;
    private final List<Runnable> steps;
    private final AtomicInteger next = new AtomicInteger();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bigmarker-sandbox-simulation");
        thread.setDaemon(true);
        return thread;
    });

    Simulation(Duration period, List<Runnable> steps) {
        this.period = period;
        this.steps = List.copyOf(steps);
    }

    void start() {
        scheduler.scheduleWithFixedDelay(() -> {
            int step = next.getAndIncrement();
            if (step < steps.size()) {
                steps.get(step).run();
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean finished() {
        return next.get() >= steps.size();
    }

    void stop() {
        scheduler.shutdownNow();
    }
}
