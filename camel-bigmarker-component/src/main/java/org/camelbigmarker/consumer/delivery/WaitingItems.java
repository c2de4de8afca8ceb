package org.camelbigmarker.consumer.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The items a consumer has seen and not yet delivered, each with when it was first seen: the consumer's lag is how long
 * the oldest has waited. An item that fails stays (it waits on); one not seen again for {@link #FORGET_AFTER} (its
 * store was reset, another node delivered it and no read met it since) is no longer counted.
 */
final class WaitingItems {

    static final Duration FORGET_AFTER = Duration.ofHours(1);

    private record Sighting(long firstMillis, long lastMillis) {
    }

    private final Clock clock;
    private final Map<String, Sighting> waiting = new ConcurrentHashMap<>();

    WaitingItems(Clock clock) {
        this.clock = clock;
    }

    void seen(String key) {
        long now = clock.millis();
        waiting.merge(key, new Sighting(now, now), (was, again) -> new Sighting(was.firstMillis(), now));
    }

    void done(String key) {
        waiting.remove(key);
    }

    /** Seconds the oldest item still waiting has waited; 0 when none waits. */
    double lagSeconds() {
        long now = clock.millis();
        long oldest = now;
        for (Map.Entry<String, Sighting> entry : waiting.entrySet()) {
            Sighting sighting = entry.getValue();
            if (now - sighting.lastMillis() > FORGET_AFTER.toMillis()) {
                waiting.remove(entry.getKey(), sighting);
            } else {
                oldest = Math.min(oldest, sighting.firstMillis());
            }
        }
        return (now - oldest) / 1000.0;
    }
}
