package org.camelbigmarker.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * Publishes a {@link MeterBoard} in a Micrometer {@link MeterRegistry}: each series as a function counter or a gauge
 * reading the board, registered as it appears and removed with its consumer. The only class that names Micrometer:
 * it is loaded only when Micrometer is on the classpath ({@link MeterRegistries}).
 */
final class MicrometerBinding implements MeterBoard.Watcher {

    private final MeterRegistry registry;
    private final Map<MeterBoard.Series, Meter> meters = new ConcurrentHashMap<>();

    MicrometerBinding(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void added(MeterBoard.Series series) {
        BigMarkerMeter meter = series.meter();
        Tags tags = Tags.empty();
        for (Map.Entry<String, String> tag : series.tags().entrySet()) {
            tags = tags.and(tag.getKey(), tag.getValue());
        }
        Meter registered = meter.type() == BigMarkerMeter.Type.COUNTER
                ? FunctionCounter.builder(meter.meterName(), series, one -> one.value().getAsDouble()).tags(tags)
                        .baseUnit(meter.baseUnit()).description(meter.description()).register(registry)
                : Gauge.builder(meter.meterName(), series, one -> one.value().getAsDouble()).tags(tags)
                        .baseUnit(meter.baseUnit()).description(meter.description()).register(registry);
        meters.put(series, registered);
    }

    @Override
    public void removed(MeterBoard.Series series) {
        Meter registered = meters.remove(series);
        if (registered != null) {
            registry.remove(registered);
        }
    }
}
