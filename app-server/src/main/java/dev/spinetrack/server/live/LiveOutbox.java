package dev.spinetrack.server.live;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one live stream still has to send, with at most {@code maxOnWire} messages written and
 * not yet completed at a time. While the client keeps up, everything goes through in order. Once
 * that many wait on the wire (the client stopped reading, or reads slower than the feed), a frame
 * replaces the unsent frame of the same device; the newer one goes to the back, so it stays
 * behind every event of that device queued before it: a slow client gets fewer frames, never
 * stale ones, and never more than one waiting frame per device. Events are never dropped or
 * merged; more than {@code maxEvents} of them waiting is refused ({@link Offer#FULL}), and the
 * caller closes the stream.
 *
 * <p>Thread-safe; the caller sends what {@link #take()} returns and calls {@link #sent()} when
 * that send completed (or failed).
 *
 * @param <T> the message type
 */
public final class LiveOutbox<T> {

    /** What became of an offered message. */
    public enum Offer {
        /** queued at the back */
        QUEUED,
        /** a frame that replaced the unsent frame of its device */
        SUPERSEDED,
        /** an event refused: too many events wait; the stream is too slow and should close */
        FULL
    }

    /** Key of a device's waiting frame; events are keyed by their arrival number. */
    private record FrameOf(String device) {
    }

    private final int maxOnWire;
    private final int maxEvents;
    private final LinkedHashMap<Object, T> waiting = new LinkedHashMap<>();
    private long nextEvent;
    private int events;
    private int onWire;
    private long superseded;

    /**
     * @param maxOnWire messages sent and not yet completed at most
     * @param maxEvents unsent events at most (frames wait one per device)
     */
    public LiveOutbox(int maxOnWire, int maxEvents) {
        if (maxOnWire < 1 || maxEvents < 1) {
            throw new IllegalArgumentException("maxOnWire and maxEvents must be at least 1: " + maxOnWire + ", "
                    + maxEvents);
        }
        this.maxOnWire = maxOnWire;
        this.maxEvents = maxEvents;
    }

    /**
     * Queues a message.
     *
     * @param device its device
     * @param frame  whether a newer frame of the device supersedes it
     */
    public synchronized Offer offer(String device, T message, boolean frame) {
        if (frame) {
            FrameOf key = new FrameOf(device);
            boolean replaced = waiting.remove(key) != null;
            waiting.put(key, message);
            if (replaced) {
                superseded++;
                return Offer.SUPERSEDED;
            }
            return Offer.QUEUED;
        }
        if (events >= maxEvents) {
            return Offer.FULL;
        }
        waiting.put(nextEvent++, message);
        events++;
        return Offer.QUEUED;
    }

    /**
     * The next message to send, now counted as on the wire; null when {@code maxOnWire} are on
     * the wire or nothing waits.
     */
    public synchronized T take() {
        if (onWire >= maxOnWire || waiting.isEmpty()) {
            return null;
        }
        Iterator<Map.Entry<Object, T>> it = waiting.entrySet().iterator();
        Map.Entry<Object, T> head = it.next();
        it.remove();
        if (!(head.getKey() instanceof FrameOf)) {
            events--;
        }
        onWire++;
        return head.getValue();
    }

    /** A message on the wire was sent (or failed): another may go. */
    public synchronized void sent() {
        if (onWire > 0) {
            onWire--;
        }
    }

    /** Drops everything waiting (the stream closed). */
    public synchronized void clear() {
        waiting.clear();
        events = 0;
    }

    /** Messages waiting, not counting those on the wire. */
    public synchronized int waiting() {
        return waiting.size();
    }

    /** Events waiting. */
    public synchronized int events() {
        return events;
    }

    /** Frames replaced by a newer one of their device before they were sent, so far. */
    public synchronized long superseded() {
        return superseded;
    }
}
