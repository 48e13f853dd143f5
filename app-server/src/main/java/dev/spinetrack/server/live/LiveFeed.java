package dev.spinetrack.server.live;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Fans live frames and events out to subscribers. Frames are thinned to one per
 * {@link #MIN_FRAME_INTERVAL_MS} of device time per device (20 Hz), whatever the device rate.
 *
 * <p>Subscribers are called on one delivery thread of the feed's own ({@link LiveDelivery}), in
 * the order things were published (so each device's order holds), never on the publishing
 * thread: the ingest worker hands over what its transaction produced and goes on storing, and
 * subscribers (the WebSockets' outboxes) must still return quickly. Each message reaches every
 * subscriber as the same {@link LiveMessage}, so its JSON is written once.
 *
 * <p>Events that restate a session's figures in full ({@link #publishLatest}) are thinned to one
 * per {@link #LATEST_INTERVAL_MS} per session, the latest always delivered (at most that much
 * later), and never after a later event of their session: each ingest transaction restates them,
 * dozens of times a second per device, which no screen needs and a phone watching a studio
 * cannot take.
 */
@Singleton
public class LiveFeed {

    /** Device time between frames passed on, ms. */
    public static final long MIN_FRAME_INTERVAL_MS = 50;
    /** Wall time between two {@link #publishLatest} events of one session passed on, ms. */
    public static final long LATEST_INTERVAL_MS = 250;
    /** A session's thinning history is dropped after this long without its events, ms. */
    private static final long LATEST_HISTORY_MS = 10 * 60_000;

    private static final Logger LOG = LoggerFactory.getLogger(LiveFeed.class);

    private final Map<String, CopyOnWriteArrayList<Consumer<LiveMessage>>> byDevice = new ConcurrentHashMap<>();
    private final Map<Long, CopyOnWriteArrayList<Consumer<LiveMessage>>> bySession = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<Consumer<LiveMessage>> everything = new CopyOnWriteArrayList<>();
    private final Map<String, Long> lastFrameT = new ConcurrentHashMap<>();
    private final Map<String, LiveFrame> latest = new ConcurrentHashMap<>();
    private final ThreadLocal<List<Out>> held = new ThreadLocal<>();
    private final Executor delivery;
    private final LatestOnly<SessionKey, Out> latestOnly;
    private final ScheduledExecutorService latestTimer;
    private boolean latestFlushPlanned;

    /** A message on its way, with where it goes; {@code latest}: only the latest of its session matters. */
    private record Out(String device, Long session, Object message, boolean latest) {
    }

    private record SessionKey(String device, Long session) {
    }

    /** The application's feed: subscribers are called on a delivery thread of its own. */
    @Inject
    public LiveFeed() {
        this(LiveDelivery.start());
    }

    /**
     * A feed calling its subscribers through {@code delivery}, which must run tasks one at a time
     * in the order given ({@code Runnable::run} calls them on the publishing thread, for tests).
     */
    public LiveFeed(Executor delivery) {
        this(delivery, TimeUnit.MILLISECONDS.toNanos(LATEST_INTERVAL_MS));
    }

    /** A feed thinning {@link #publishLatest} events to one per {@code latestIntervalNanos} (tests). */
    LiveFeed(Executor delivery, long latestIntervalNanos) {
        this.delivery = delivery;
        this.latestOnly = new LatestOnly<>(latestIntervalNanos, TimeUnit.MILLISECONDS.toNanos(LATEST_HISTORY_MS));
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "live-latest");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        this.latestTimer = timer;
    }

    /**
     * Runs a task on the delivery thread after what waits there, without ever waiting for room:
     * for a subscriber that must do its work on that thread (a WebSocket puts its messages on the
     * wire from there only, so Netty writes them in order) and is called back on a thread that
     * must not block. When the delivery queue is full the task is not run; the subscriber is
     * called again with the next message anyway.
     */
    public void later(Runnable task) {
        if (delivery instanceof ThreadPoolExecutor e) {
            if (!LiveDelivery.offerLater(e, task)) {
                LOG.debug("live delivery queue full; a follow-up task waits for the next message");
            }
        } else {
            delivery.execute(task);
        }
    }

    /** Stops the delivery thread. */
    @PreDestroy
    void stop() {
        latestTimer.shutdownNow();
        if (delivery instanceof ExecutorService e) {
            e.shutdown();
        }
    }

    /**
     * Subscribes to a device's frames ({@link LiveFrame}) and events ({@link LiveEvent}).
     *
     * @return closing it unsubscribes
     */
    public AutoCloseable subscribeDevice(String device, Consumer<LiveMessage> listener) {
        return add(byDevice.computeIfAbsent(device, d -> new CopyOnWriteArrayList<>()), listener);
    }

    /** Subscribes to the frames and events of one session. */
    public AutoCloseable subscribeSession(long session, Consumer<LiveMessage> listener) {
        return add(bySession.computeIfAbsent(session, d -> new CopyOnWriteArrayList<>()), listener);
    }

    /** Subscribes to every device's frames and events. */
    public AutoCloseable subscribeAll(Consumer<LiveMessage> listener) {
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
        deliver(frame.device(), frame.session(), frame, false);
    }

    /**
     * Holds back what this thread publishes until {@link #release()}: around a transaction, so
     * frames and events go out only after it committed ({@link #discard()} when it did not).
     */
    public void hold() {
        held.set(new ArrayList<>());
    }

    /** Hands what this thread held back to the delivery thread, in order, and returns. */
    public void release() {
        List<Out> h = held.get();
        held.remove();
        if (h != null && !h.isEmpty()) {
            h.forEach(this::remember);
            delivery.execute(() -> h.forEach(this::deliverNow));
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
        return last == null || spaced(last, t);
    }

    /**
     * Whether a frame at device time {@code t} may follow one at {@code last}: at least
     * {@link #MIN_FRAME_INTERVAL_MS} later, or earlier (the device's clock restarted).
     */
    public static boolean spaced(long last, long t) {
        return t - last >= MIN_FRAME_INTERVAL_MS || t < last;
    }

    /** Publishes an event on a device's stream (and its session's, when given). */
    public void publish(LiveEvent event) {
        deliver(event.device(), event.session(), event, false);
    }

    /**
     * Publishes an event that restates its session's figures in full, so that only the latest
     * matters: thinned as the class says. One such stream per session; {@code event.session()}
     * must be given.
     */
    public void publishLatest(LiveEvent event) {
        if (event.session() == null) {
            throw new IllegalArgumentException("a latest-only event needs its session: " + event.type());
        }
        deliver(event.device(), event.session(), event, true);
    }

    private void deliver(String device, Long session, Object message, boolean latest) {
        Out out = new Out(device, session, message, latest);
        List<Out> h = held.get();
        if (h != null) {
            h.add(out);
            return;
        }
        remember(out);
        delivery.execute(() -> deliverNow(out));
    }

    /** A frame is the device's latest once it is certain to go out (committed). */
    private void remember(Out out) {
        if (out.message() instanceof LiveFrame f) {
            latest.put(out.device(), f);
        }
    }

    /** On the delivery thread: thins latest-only events, keeps them ahead of their session's later events. */
    private void deliverNow(Out out) {
        Out before = null;
        if (out.session() != null && !(out.message() instanceof LiveFrame)) {
            SessionKey key = new SessionKey(out.device(), out.session());
            long now = System.nanoTime();
            synchronized (latestOnly) {
                if (out.latest()) {
                    if (!latestOnly.offer(key, out, now)) {
                        planLatestFlush(now);
                        return;
                    }
                } else {
                    before = latestOnly.take(key, now);
                }
            }
        }
        if (before != null) {
            send(before);
        }
        send(out);
    }

    /** Under the lock: asks the timer to pass on held events when the first is due, unless asked already. */
    private void planLatestFlush(long now) {
        long wait = latestOnly.untilNextDue(now);
        if (wait < 0 || latestFlushPlanned || latestTimer.isShutdown()) {
            return;
        }
        latestFlushPlanned = true;
        latestTimer.schedule(() -> delivery.execute(this::flushLatest), wait, TimeUnit.NANOSECONDS);
    }

    private void flushLatest() {
        List<Out> due;
        long now = System.nanoTime();
        synchronized (latestOnly) {
            latestFlushPlanned = false;
            due = latestOnly.due(now);
            planLatestFlush(now);
        }
        due.forEach(this::send);
    }

    private void send(Out out) {
        LiveMessage message = new LiveMessage(out.device(), out.message());
        send(byDevice.get(out.device()), message);
        if (out.session() != null) {
            send(bySession.get(out.session()), message);
        }
        send(everything, message);
    }

    private static void send(CopyOnWriteArrayList<Consumer<LiveMessage>> listeners, LiveMessage message) {
        if (listeners == null) {
            return;
        }
        for (Consumer<LiveMessage> l : listeners) {
            try {
                l.accept(message);
            } catch (RuntimeException e) {
                LOG.warn("Live subscriber failed and stays subscribed: {}", e.toString());
            }
        }
    }

    private static AutoCloseable add(CopyOnWriteArrayList<Consumer<LiveMessage>> list, Consumer<LiveMessage> listener) {
        list.add(listener);
        return () -> list.remove(listener);
    }
}
