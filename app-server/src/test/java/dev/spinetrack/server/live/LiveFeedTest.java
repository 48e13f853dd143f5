package dev.spinetrack.server.live;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LiveFeedTest {

    private static LiveFrame frame(String device, long t) {
        return new LiveFrame("sample", device, 1L, t, t, true, "LUMBAR_LEFT", 10, "N", "IN", 5, 20,
                new double[] {10}, 0, 0, null);
    }

    @Test
    void framesAreThinnedToTwentyHertzOfDeviceTimePerDevice() throws Exception {
        LiveFeed feed = new LiveFeed(Runnable::run);
        List<Object> got = new ArrayList<>();
        AutoCloseable sub = feed.subscribeDevice("d1", m -> got.add(m.message()));
        for (long t = 0; t < 1000; t += 10) {
            feed.offer(frame("d1", t), false);
            feed.offer(frame("d2", t), false);
        }
        assertEquals(20, got.size(), "one frame per 50 ms of a 100 Hz stream");
        feed.publish(new LiveEvent("guide", "d1", 1L, "step 2"));
        assertEquals(21, got.size(), "events pass unthinned");
        sub.close();
        feed.offer(frame("d1", 5000), true);
        assertEquals(21, got.size(), "closed subscriptions receive nothing");
        assertEquals(5000, feed.latest("d1").t());
    }

    @Test
    void sessionSubscribersGetTheirSessionOnly() {
        LiveFeed feed = new LiveFeed(Runnable::run);
        List<Object> got = new ArrayList<>();
        feed.subscribeSession(1L, m -> got.add(m.message()));
        feed.offer(frame("d1", 0), true);
        feed.publish(new LiveEvent("session", "d1", 2L, null));
        assertEquals(1, got.size());
    }

    @Test
    void latestOnlyEventsAreThinnedPerSessionTheLastAlwaysArrivesAndNothingOvertakesThem() throws Exception {
        LiveFeed feed = new LiveFeed(Runnable::run, java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(200));
        List<Object> got = new java.util.concurrent.CopyOnWriteArrayList<>();
        feed.subscribeDevice("d1", m -> got.add(m.message()));
        for (int i = 1; i <= 50; i++) { // one ingest transaction after another, figures restated each time
            feed.publishLatest(new LiveEvent("regions", "d1", 7L, "figures " + i));
        }
        feed.publishLatest(new LiveEvent("regions", "d1", 8L, "other session"));
        assertEquals(List.of("figures 1", "other session"), payloads(got), "the first of each session at once");
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (got.size() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(List.of("figures 1", "other session", "figures 50"), payloads(got), "the last held one, later");
        feed.publishLatest(new LiveEvent("regions", "d1", 7L, "figures 51"));
        feed.publish(new LiveEvent("session", "d1", 7L, "ended"));
        assertEquals(List.of("figures 1", "other session", "figures 50", "figures 51", "ended"), payloads(got),
                "held figures go out before their session's next event");
        feed.stop();
    }

    private static List<Object> payloads(List<Object> messages) {
        return messages.stream().map(m -> ((LiveEvent) m).payload()).toList();
    }
}
