package dev.spinetrack.server.engine.tracking;

import java.util.Map;
import java.util.TreeMap;

/**
 * A value that changes at points in device time, such as a ball's tagged region or a
 * session's target band: the value at t is the one set last at or before t, or the initial value.
 *
 * @param <T> value type
 */
public final class Timeline<T> {

    private final T initial;
    private final TreeMap<Long, T> changes = new TreeMap<>();

    public Timeline(T initial) {
        this.initial = initial;
    }

    /** Sets the value from {@code atMs} on (replacing a change at the same instant). */
    public void set(long atMs, T value) {
        changes.put(atMs, value);
    }

    public T at(long t) {
        Map.Entry<Long, T> e = changes.floorEntry(t);
        return e == null ? initial : e.getValue();
    }

    /** The latest value set, or the initial one. */
    public T latest() {
        return changes.isEmpty() ? initial : changes.lastEntry().getValue();
    }
}
