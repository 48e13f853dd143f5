package dev.spinetrack.gateway.mqtt;

import dev.spinetrack.protocol.mqtt.StoredConfirmation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The batches published but not yet confirmed stored by the server (PROTOCOL.md §7.6), and
 * when each is due to be published again. Plain logic over values: the caller passes the
 * clock and does the publishing. Not thread-safe; {@link MqttOutbox} guards it.
 *
 * <p>A batch is due again when its confirmation timeout passed (the timeout doubles, up to
 * {@code maxTimeoutNanos}, while the server confirms nothing, so a server that is down is not
 * flooded), after a reconnect to the broker, or when its park time ends after the broker
 * refused it. Parked batches do not count against the window, so one refused device does not
 * hold back the others. The window itself ({@link ConfirmWindow}) starts small again on the same
 * events that make batches due (a reconnect, a timeout) and grows with every confirmation.
 */
final class Unconfirmed {

    /** What a queued batch is, as far as confirmations go. */
    record Batch(long index, String device, long boot, long firstSeq, long lastSeq, int weight) {
    }

    private static final class Entry {
        final Batch batch;
        long dueAtNanos;
        boolean parked;
        /** Due because of a reconnect or a full in-flight window, not because its confirmation is late. */
        boolean forced;

        Entry(Batch batch) {
            this.batch = batch;
        }
    }

    private final TreeMap<Long, Entry> byIndex = new TreeMap<>();
    private final Map<String, List<Entry>> byDevice = new HashMap<>();
    private final long baseTimeoutNanos;
    private final long maxTimeoutNanos;
    private final long parkNanos;
    private final ConfirmWindow window;
    private long timeoutNanos;
    private int parked;
    /**
     * No batch is due before this time (a lower bound: confirmed batches leave without raising
     * it). The drain asks for due batches before every publication; with thousands waiting for
     * their confirmation, a scan each time would cost more than the publication.
     */
    private long noneDueBefore;
    private boolean anyKnown;

    /** @param maxInFlight the most batches unconfirmed at once, reached by {@link ConfirmWindow}'s slow start */
    Unconfirmed(long baseTimeoutNanos, long maxTimeoutNanos, long parkNanos, int maxInFlight) {
        this.window = new ConfirmWindow(maxInFlight);
        this.baseTimeoutNanos = baseTimeoutNanos;
        this.maxTimeoutNanos = Math.max(baseTimeoutNanos, maxTimeoutNanos);
        this.parkNanos = parkNanos;
        this.timeoutNanos = baseTimeoutNanos;
    }

    /** Records a (re)publication of a batch at {@code now}. */
    void published(Batch b, long now) {
        Entry e = byIndex.get(b.index());
        if (e == null) {
            e = new Entry(b);
            byIndex.put(b.index(), e);
            byDevice.computeIfAbsent(b.device(), d -> new ArrayList<>()).add(e);
        }
        if (e.parked) {
            e.parked = false;
            parked--;
        }
        e.forced = false;
        e.dueAtNanos = now + timeoutNanos;
        lowerBound(e.dueAtNanos);
    }

    private void lowerBound(long dueAt) {
        if (!anyKnown || dueAt - noneDueBefore < 0) {
            noneDueBefore = dueAt;
            anyKnown = true;
        }
    }

    /** The publication of this batch did not happen (the client's in-flight window was full): again soon. */
    void retrySoon(long index, long now) {
        Entry e = byIndex.get(index);
        if (e != null && !e.parked) {
            e.forced = true;
            e.dueAtNanos = now;
            lowerBound(now);
        }
    }

    /** The broker refused the batch (PUBACK reason ≥ 0x80): try it again after the park time. */
    void refused(long index, long now) {
        Entry e = byIndex.get(index);
        if (e != null && !e.parked) {
            e.parked = true;
            parked++;
            e.dueAtNanos = now + parkNanos;
            lowerBound(e.dueAtNanos);
        }
    }

    /**
     * Applies a confirmation.
     *
     * @return the batches it confirmed (now forgotten here), in index order
     */
    List<Batch> confirm(StoredConfirmation c) {
        List<Entry> list = byDevice.get(c.device());
        if (list == null) {
            return List.of();
        }
        List<Batch> done = new ArrayList<>();
        for (int i = list.size() - 1; i >= 0; i--) {
            Entry e = list.get(i);
            if (c.covers(e.batch.boot(), e.batch.firstSeq(), e.batch.lastSeq())) {
                list.remove(i);
                byIndex.remove(e.batch.index());
                if (e.parked) {
                    parked--;
                }
                done.add(0, e.batch);
            }
        }
        if (list.isEmpty()) {
            byDevice.remove(c.device());
        }
        if (!done.isEmpty()) {
            timeoutNanos = baseTimeoutNanos;
        }
        window.confirmed(done.size());
        return done;
    }

    /**
     * Forgets the batch at {@code index} without a confirmation: the queue no longer holds it
     * (a confirmation acknowledged it there while the drain was publishing it once more), so
     * nothing is left to publish and no confirmation of it may come again.
     */
    void forget(long index) {
        Entry e = byIndex.remove(index);
        if (e == null) {
            return;
        }
        if (e.parked) {
            parked--;
        }
        List<Entry> list = byDevice.get(e.batch.device());
        if (list != null) {
            list.remove(e);
            if (list.isEmpty()) {
                byDevice.remove(e.batch.device());
            }
        }
    }

    /** Whether the batch at {@code index} is waiting for its confirmation. */
    boolean contains(long index) {
        return byIndex.containsKey(index);
    }

    /**
     * Batches due to be published again at {@code now}, in index order (at most {@code max}). A
     * batch due because its timeout passed raises the timeout for the next round.
     */
    List<Batch> due(long now, int max) {
        if (!anyKnown || noneDueBefore - now > 0 || max <= 0) {
            return List.of();
        }
        List<Batch> out = new ArrayList<>();
        boolean timedOut = false;
        anyKnown = false;
        for (Entry e : byIndex.values()) {
            if (out.size() < max && e.dueAtNanos - now <= 0) {
                out.add(e.batch);
                timedOut |= !e.parked && !e.forced;
            }
            // those returned stay due until published again: the bound stays at or before now
            lowerBound(e.dueAtNanos);
        }
        if (timedOut) {
            timeoutNanos = Math.min(maxTimeoutNanos, timeoutNanos * 2);
            window.restart(); // the server is away or slow: its pace is unknown again
        }
        return out;
    }

    /** After a reconnect: every batch not parked is due now (the broker may have lost it). */
    void allDue(long now) {
        window.restart();
        for (Entry e : byIndex.values()) {
            if (!e.parked) {
                e.forced = true;
                e.dueAtNanos = now;
                lowerBound(now);
            }
        }
    }

    /** Batches counting against the in-flight window (not parked). */
    int inFlight() {
        return byIndex.size() - parked;
    }

    /** Whether no more batches may be published before confirmations come (the window is full). */
    boolean full() {
        return inFlight() >= window.size();
    }

    /** Batches that may still be published before the window is full. */
    int room() {
        return Math.max(0, window.size() - inFlight());
    }

    /** All batches waiting for a confirmation, parked ones included. */
    int size() {
        return byIndex.size();
    }

    /** The current confirmation timeout. */
    long timeoutNanos() {
        return timeoutNanos;
    }
}
