package dev.spinetrack.server.live;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The live feed's delivery thread: one thread, so tasks run in the order given. Its queue is
 * bounded; a publisher finding it full waits for room. That happens only if the thread gets no
 * CPU at all, since what it runs (the WebSockets' outboxes) never waits for a client.
 */
final class LiveDelivery {

    /** Tasks (one per committed ingest transaction, or one message) waiting at most. */
    static final int CAPACITY = 65_536;
    private static final Logger LOG = LoggerFactory.getLogger(LiveDelivery.class);

    private LiveDelivery() {
    }

    /** Starts the delivery thread. */
    static ThreadPoolExecutor start() {
        ThreadPoolExecutor e = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(CAPACITY),
                r -> {
                    Thread t = new Thread(r, "live-delivery");
                    t.setDaemon(true);
                    return t;
                }, LiveDelivery::waitForRoom);
        e.prestartAllCoreThreads(); // offerLater queues directly, past execute's thread start
        return e;
    }

    /**
     * Queues a task behind those waiting without ever waiting for room (for Netty's event loop,
     * which must not block); false when the queue is full.
     */
    static boolean offerLater(ThreadPoolExecutor executor, Runnable task) {
        return !executor.isShutdown() && executor.getQueue().offer(task);
    }

    private static void waitForRoom(Runnable task, ThreadPoolExecutor executor) {
        if (executor.isShutdown()) {
            LOG.debug("live delivery stopped; a message is not delivered");
            return;
        }
        try {
            executor.getQueue().put(task);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the publisher is stopping; its live messages go nowhere
            LOG.warn("Live delivery: interrupted while waiting for room; {} not delivered", task);
        }
    }
}
