package dev.spinetrack.server.live;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one live stream still has to send, with at most one message on the wire at a time.
 * A frame replaces the unsent frame of the same device (the newer one goes to the back, so it
 * stays behind every event of that device queued before it): a slow client gets fewer frames,
 * never stale ones, and never more than one waiting frame per device. Events are never dropped
 * or merged; more than {@code maxEvents} of them waiting is refused ({@link Offer#FULL}), and
 * the caller closes the stream.
 *
 * <p>Thread-safe; the caller sends what {@link #take()} returns and calls {@link #sent()} when
 * the send completed (or failed).
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

    private final int maxEvents;
    private final LinkedHashMap<Object, T> waiting = new LinkedHashMap<>();
    private long nextEvent;
    private int events;
    private boolean inFlight;
    private long superseded;

    /** An outbox holding at most {@code maxEvents} unsent events (and one unsent frame per device). */
    public LiveOutbox(int maxEvents) {
        if (maxEvents < 1) {
            throw new IllegalArgumentException("maxEvents must be at least 1: " + maxEvents);
        }
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
     * The next message to send, now counted as on the wire; null when one is already on the wire
     * or nothing waits.
     */
    public synchronized T take() {
        if (inFlight || waiting.isEmpty()) {
            return null;
        }
        Iterator<Map.Entry<Object, T>> it = waiting.entrySet().iterator();
        Map.Entry<Object, T> head = it.next();
        it.remove();
        if (!(head.getKey() instanceof FrameOf)) {
            events--;
        }
        inFlight = true;
        return head.getValue();
    }

    /** The message on the wire was sent (or failed): the next may go. */
    public synchronized void sent() {
        inFlight = false;
    }

    /** Drops everything waiting (the stream closed). */
    public synchronized void clear() {
        waiting.clear();
        events = 0;
    }

    /** Messages waiting, not counting the one on the wire. */
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
