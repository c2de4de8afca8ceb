package org.camelbigmarker.metrics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.function.DoubleSupplier;

/**
 * The component's figures, kept here whether or not Micrometer is present: one series per meter and set of tag
 * values, each a counter or a gauge's reading. Views watch it: the Micrometer binding registers every series as it
 * appears and removes it with its consumer; JMX attributes and the dev console read sums from it. One board per
 * component.
 */
public final class MeterBoard {

    /** One meter with its tag values (in the order of {@link BigMarkerMeter#tags()}) and how to read it. */
    public record Series(BigMarkerMeter meter, Map<String, String> tags, DoubleSupplier value) {
    }

    /** Told of each series as it appears and as it goes. */
    public interface Watcher {
        void added(Series series);

        void removed(Series series);
    }

    private final Map<List<Object>, Series> series = new ConcurrentHashMap<>();
    private final Map<List<Object>, DoubleAdder> counters = new ConcurrentHashMap<>();
    private final List<Watcher> watchers = new CopyOnWriteArrayList<>();

    /** The counter of {@code meter} with these tag values (scope's tags first), made on first use. */
    public DoubleAdder counter(BigMarkerMeter meter, Map<String, String> tags) {
        List<Object> id = idOf(meter, tags);
        DoubleAdder counter = counters.get(id);
        if (counter != null) {
            return counter;
        }
        DoubleAdder made = new DoubleAdder();
        DoubleAdder existing = counters.putIfAbsent(id, made);
        if (existing != null) {
            return existing;
        }
        add(id, new Series(meter, Map.copyOf(tags), made::sum));
        return made;
    }

    /** A gauge of {@code meter} with these tag values, read from {@code value} when asked. */
    public void gauge(BigMarkerMeter meter, Map<String, String> tags, DoubleSupplier value) {
        add(idOf(meter, tags), new Series(meter, Map.copyOf(tags), value));
    }

    private void add(List<Object> id, Series added) {
        if (series.putIfAbsent(id, added) == null) {
            watchers.forEach(watcher -> watcher.added(added));
        }
    }

    /** Removes every series whose tags include {@code scopeTags} (a consumer that stopped). */
    public void removeAll(Map<String, String> scopeTags) {
        for (Map.Entry<List<Object>, Series> entry : new ArrayList<>(series.entrySet())) {
            if (entry.getValue().tags().entrySet().containsAll(scopeTags.entrySet())
                && series.remove(entry.getKey(), entry.getValue())) {
                counters.remove(entry.getKey());
                watchers.forEach(watcher -> watcher.removed(entry.getValue()));
            }
        }
    }

    /** The sum of {@code meter}'s series whose tags include {@code scopeTags}: what a JMX attribute shows. */
    public double total(BigMarkerMeter meter, Map<String, String> scopeTags) {
        double total = 0;
        for (Series one : series.values()) {
            if (one.meter() == meter && one.tags().entrySet().containsAll(scopeTags.entrySet())) {
                total += one.value().getAsDouble();
            }
        }
        return total;
    }

    /** Every series now, for views that start late. */
    public Collection<Series> series() {
        return List.copyOf(series.values());
    }

    /** Tells {@code watcher} of every series there is, then of each one added or removed. */
    public void watch(Watcher watcher) {
        watchers.add(watcher);
        series.values().forEach(watcher::added);
    }

    public void unwatch(Watcher watcher) {
        watchers.remove(watcher);
    }

    /** The tag values of {@code meter} in order: every tag it declares must be given, and no other. */
    private static List<Object> idOf(BigMarkerMeter meter, Map<String, String> tags) {
        if (!tags.keySet().equals(new java.util.HashSet<>(meter.tags()))) {
            throw new IllegalArgumentException(meter.meterName() + " takes the tags " + meter.tags() + ", not "
                                               + tags.keySet());
        }
        List<Object> id = new ArrayList<>();
        id.add(meter);
        meter.tags().forEach(tag -> id.add(tags.get(tag)));
        return id;
    }

    /** Scope tags plus a meter's own, in one map. */
    static Map<String, String> with(Map<String, String> scope, String... ownTagsAndValues) {
        Map<String, String> tags = new LinkedHashMap<>(scope);
        for (int i = 0; i < ownTagsAndValues.length; i += 2) {
            tags.put(ownTagsAndValues[i], ownTagsAndValues[i + 1]);
        }
        return tags;
    }
}
