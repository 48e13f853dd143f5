package dev.spinetrack.server.live;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Fans live frames and events out to subscribers. Frames are thinned to one per
 * {@link #MIN_FRAME_INTERVAL_MS} of device time per device (20 Hz), whatever the device rate.
 * Subscribers are called on the ingest thread and must return quickly.
 */
@Singleton
public class LiveFeed {

    /** Device time between frames passed on, ms. */
    public static final long MIN_FRAME_INTERVAL_MS = 50;

    private static final Logger LOG = LoggerFactory.getLogger(LiveFeed.class);

    private final Map<String, CopyOnWriteArrayList<Consumer<Object>>> byDevice = new ConcurrentHashMap<>();
    private final Map<Long, CopyOnWriteArrayList<Consumer<Object>>> bySession = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<Consumer<Object>> everything = new CopyOnWriteArrayList<>();
    private final Map<String, Long> lastFrameT = new ConcurrentHashMap<>();
    private final Map<String, LiveFrame> latest = new ConcurrentHashMap<>();
    private final ThreadLocal<List<Runnable>> held = new ThreadLocal<>();

    /**
     * Subscribes to a device's frames ({@link LiveFrame}) and events ({@link LiveEvent}).
     *
     * @return closing it unsubscribes
     */
    public AutoCloseable subscribeDevice(String device, Consumer<Object> listener) {
        return add(byDevice.computeIfAbsent(device, d -> new CopyOnWriteArrayList<>()), listener);
    }

    /** Subscribes to the frames and events of one session. */
    public AutoCloseable subscribeSession(long session, Consumer<Object> listener) {
        return add(bySession.computeIfAbsent(session, d -> new CopyOnWriteArrayList<>()), listener);
    }

    /** Subscribes to every device's frames and events. */
    public AutoCloseable subscribeAll(Consumer<Object> listener) {
        return add(everything, listener);
    }

    /** The last frame passed on for a device, if any. */
    public LiveFrame latest(String device) {
        return latest.get(device);
    }

    /**
     * Offers a frame; it is passed on when {@code force} or when at least
     * {@link #MIN_FRAME_INTERVAL_MS} of device time passed since the device's last one.
     */
    public void offer(LiveFrame frame, boolean force) {
        if (!force && !due(frame.device(), frame.t())) {
            return;
        }
        lastFrameT.put(frame.device(), frame.t());
        List<Runnable> h = held.get();
        if (h != null) {
            h.add(() -> {
                latest.put(frame.device(), frame);
                deliverNow(frame.device(), frame.session(), frame);
            });
            return;
        }
        latest.put(frame.device(), frame);
        deliverNow(frame.device(), frame.session(), frame);
    }

    /**
     * Holds back what this thread publishes until {@link #release()}: around a transaction, so
     * frames and events go out only after it committed ({@link #discard()} when it did not).
     */
    public void hold() {
        held.set(new java.util.ArrayList<>());
    }

    /** Sends what this thread held back, in order. */
    public void release() {
        List<Runnable> h = held.get();
        held.remove();
        if (h != null) {
            h.forEach(Runnable::run);
        }
    }

    /** Drops what this thread held back (its transaction rolled back). */
    public void discard() {
        held.remove();
    }

    /**
     * Whether a frame of the device at device time {@code t} would be passed on now; lets the
     * ingest path skip building the frames thinning would drop (most of them at 100 Hz).
     */
    public boolean due(String device, long t) {
        Long last = lastFrameT.get(device);
        return last == null || t - last >= MIN_FRAME_INTERVAL_MS || t < last;
    }

    /** Publishes an event on a device's stream (and its session's, when given). */
    public void publish(LiveEvent event) {
        deliver(event.device(), event.session(), event);
    }

    private void deliver(String device, Long session, Object message) {
        List<Runnable> h = held.get();
        if (h != null) {
            h.add(() -> deliverNow(device, session, message));
            return;
        }
        deliverNow(device, session, message);
    }

    private void deliverNow(String device, Long session, Object message) {
        send(byDevice.get(device), message);
        if (session != null) {
            send(bySession.get(session), message);
        }
        send(everything, message);
    }

    private static void send(CopyOnWriteArrayList<Consumer<Object>> listeners, Object message) {
        if (listeners == null) {
            return;
        }
        for (Consumer<Object> l : listeners) {
            try {
                l.accept(message);
            } catch (RuntimeException e) {
                LOG.warn("Live subscriber failed and stays subscribed: {}", e.toString());
            }
        }
    }

    private static AutoCloseable add(CopyOnWriteArrayList<Consumer<Object>> list, Consumer<Object> listener) {
        list.add(listener);
        return () -> list.remove(listener);
    }
}
