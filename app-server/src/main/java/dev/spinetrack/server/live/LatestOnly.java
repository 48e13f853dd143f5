package dev.spinetrack.server.live;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Thins a stream of messages of which only the latest matters (a session's figures, which each
 * ingest transaction restates in full): per key at most one per interval passes, a message that
 * comes sooner is held back, replacing any older one held, and goes out once the interval has
 * passed ({@link #due}). So the last message of a key always goes out, at most one interval late.
 * Pure logic on a caller's clock; not thread-safe (the live feed's delivery thread owns it).
 *
 * @param <K> what a message restates (e.g. device, session and event type)
 * @param <M> the message
 */
final class LatestOnly<K, M> {

    private final long intervalNanos;
    private final long forgetAfterNanos;
    private final Map<K, Long> lastSent = new HashMap<>();
    private final Map<K, M> held = new HashMap<>();
    private long lastSweep = Long.MIN_VALUE;

    /** Thinning that never forgets a key (tests). */
    LatestOnly(long intervalNanos) {
        this(intervalNanos, Long.MAX_VALUE);
    }

    /**
     * @param forgetAfterNanos a key whose last message went out this long ago, with nothing held,
     *                         is forgotten (looked for at most once per this much time, on offer),
     *                         so the history does not grow with every session ever seen
     */
    LatestOnly(long intervalNanos, long forgetAfterNanos) {
        if (intervalNanos < 0 || forgetAfterNanos <= 0) {
            throw new IllegalArgumentException("interval must not be negative and the history age positive: "
                    + intervalNanos + ", " + forgetAfterNanos);
        }
        this.intervalNanos = intervalNanos;
        this.forgetAfterNanos = forgetAfterNanos;
    }

    /**
     * Offers a message at {@code now}.
     *
     * @return whether it goes out now (it was then noted as sent); false when it is held back
     */
    boolean offer(K key, M message, long now) {
        if (lastSweep == Long.MIN_VALUE) {
            lastSweep = now;
        } else if (now - lastSweep >= forgetAfterNanos) {
            forgetOlderThan(now, forgetAfterNanos);
            lastSweep = now;
        }
        Long last = lastSent.get(key);
        if (last == null || now - last >= intervalNanos) {
            lastSent.put(key, now);
            held.remove(key); // an older held one is superseded by this
            return true;
        }
        held.put(key, message);
        return false;
    }

    /** Removes and returns the messages held back whose interval has passed at {@code now}; they count as sent. */
    List<M> due(long now) {
        List<M> out = new ArrayList<>();
        for (Iterator<Map.Entry<K, M>> it = held.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<K, M> e = it.next();
            if (now - lastSent.get(e.getKey()) >= intervalNanos) {
                out.add(e.getValue());
                lastSent.put(e.getKey(), now);
                it.remove();
            }
        }
        return out;
    }

    /**
     * Removes and returns the message held for {@code key}, or null: for sending it before
     * something that must not overtake it (the session's end); it counts as sent at {@code now}.
     */
    M take(K key, long now) {
        M m = held.remove(key);
        if (m != null) {
            lastSent.put(key, now);
        }
        return m;
    }

    /** Nanoseconds from {@code now} until the earliest held message is due, or -1 when none is held. */
    long untilNextDue(long now) {
        long soonest = -1;
        for (K key : held.keySet()) {
            long wait = Math.max(0, lastSent.get(key) + intervalNanos - now);
            if (soonest < 0 || wait < soonest) {
                soonest = wait;
            }
        }
        return soonest;
    }

    /**
     * Forgets the keys with nothing held whose last message went out {@code age} or more before
     * {@code now}, so the history does not grow with every session ever seen; a forgotten key's
     * next message passes at once, as its first did.
     */
    void forgetOlderThan(long now, long age) {
        lastSent.entrySet().removeIf(e -> !held.containsKey(e.getKey()) && now - e.getValue() >= age);
    }

    /** Keys with history, for tests and leak checks. */
    int size() {
        return lastSent.size();
    }
}
