package dev.spinetrack.server.live;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
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
    static ExecutorService start() {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(CAPACITY), r -> {
            Thread t = new Thread(r, "live-delivery");
            t.setDaemon(true);
            return t;
        }, LiveDelivery::waitForRoom);
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
