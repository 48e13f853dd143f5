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
}
