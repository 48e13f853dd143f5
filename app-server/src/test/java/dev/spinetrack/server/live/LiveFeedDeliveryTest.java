package dev.spinetrack.server.live;

import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a transaction publishes reaches subscribers on the delivery stage, after the commit, in order. */
class LiveFeedDeliveryTest {

    /** A delivery stage that runs its tasks only when the test says so. */
    private final Queue<Runnable> stage = new ArrayDeque<>();
    private final LiveFeed feed = new LiveFeed(stage::add);

    private static LiveFrame frame(String device, long t) {
        return new LiveFrame("sample", device, 1L, t, t, true, "LUMBAR_LEFT", 10, "N", "IN", 5, 20,
                new double[] {10}, 0, 0, null);
    }

    private void runStage() {
        while (!stage.isEmpty()) {
            stage.poll().run();
        }
    }

    @Test
    void releaseHandsOverWithoutCallingSubscribers() {
        List<Object> got = new ArrayList<>();
        feed.subscribeDevice("d1", m -> got.add(m.message()));
        feed.hold();
        feed.offer(frame("d1", 0), false);
        LiveEvent started = new LiveEvent("session", "d1", 1L, "started");
        feed.publish(started);
        feed.offer(frame("d1", 100), false);
        feed.release();
        assertEquals(List.of(), got, "the publishing thread only handed them over");
        assertEquals(100, feed.latest("d1").t(), "committed frames are the device's latest at once");
        runStage();
        assertEquals(3, got.size());
        assertSame(started, got.get(1), "in the order published");
        assertEquals(100, ((LiveFrame) got.get(2)).t());
    }

    @Test
    void aRolledBackTransactionSendsNothing() {
        List<Object> got = new ArrayList<>();
        feed.subscribeDevice("d1", m -> got.add(m.message()));
        feed.hold();
        feed.offer(frame("d1", 0), true);
        feed.publish(new LiveEvent("regions", "d1", 1L, List.of()));
        feed.discard();
        runStage();
        assertEquals(List.of(), got);
        assertEquals(null, feed.latest("d1"), "a rolled-back frame is nobody's latest");
    }

    @Test
    void everySubscriberGetsTheSameMessageEncodedOnce() {
        AtomicInteger encodings = new AtomicInteger();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            feed.subscribeDevice("d1", m -> texts.add(m.encoded(o -> "json#" + encodings.incrementAndGet())));
        }
        feed.subscribeSession(1L, m -> texts.add(m.encoded(o -> "json#" + encodings.incrementAndGet())));
        feed.offer(frame("d1", 0), true);
        runStage();
        assertEquals(List.of("json#1", "json#1", "json#1", "json#1"), texts);
        assertEquals(1, encodings.get());
    }

    @Test
    void theApplicationsFeedCallsSubscribersOnItsOwnThreadInOrder() throws Exception {
        LiveFeed real = new LiveFeed();
        try {
            List<Long> order = new ArrayList<>();
            CompletableFuture<Thread> on = new CompletableFuture<>();
            CompletableFuture<Void> done = new CompletableFuture<>();
            real.subscribeDevice("d1", m -> {
                on.complete(Thread.currentThread());
                order.add(((LiveFrame) m.message()).t());
                if (order.size() == 100) {
                    done.complete(null);
                }
            });
            for (int batch = 0; batch < 10; batch++) {
                real.hold();
                for (int i = 0; i < 10; i++) {
                    real.offer(frame("d1", (batch * 10L + i) * LiveFeed.MIN_FRAME_INTERVAL_MS), false);
                }
                real.release();
            }
            done.get(30, TimeUnit.SECONDS);
            assertNotEquals(Thread.currentThread(), on.get());
            for (int i = 0; i < 100; i++) {
                assertEquals(i * LiveFeed.MIN_FRAME_INTERVAL_MS, order.get(i));
            }
            assertTrue(on.get().isDaemon(), "the delivery thread never keeps the JVM alive");
        } finally {
            real.stop();
        }
    }
}
