package dev.spinetrack.server.live;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A user's stream of all their devices passes on their own devices' changes and nothing else. */
class DeviceChangeTest {

    private static LiveEvent change(String device, String owner) {
        return new LiveEvent("status", device, null, new DeviceChange(device, owner, "Rack", "RACK", "ONLINE", 80, 1L));
    }

    @Test
    void onlyTheOwnersDeviceChangesPass() throws Exception {
        LiveFeed feed = new LiveFeed(Runnable::run);
        List<Object> alice = new ArrayList<>();
        try (AutoCloseable sub = feed.subscribeAll(m -> {
            if (DeviceChange.ofOwner(m.message(), "alice")) {
                alice.add(m.message());
            }
        })) {
            LiveEvent hers = change("a00000000001", "alice");
            feed.publish(hers);
            feed.publish(change("b00000000001", "bob"));
            feed.publish(new LiveEvent("session", "a00000000001", 3L, null)); // not a device change
            feed.publish(new LiveEvent("status", "a00000000001", null, "LOST")); // no owner: not passed
            feed.offer(new LiveFrame("sample", "a00000000001", null, 1, 1, false, null, 0, "N", null, 0, 0,
                    new double[] {0}, 0, 0, null), true);
            assertEquals(List.of(hers), alice);
        }
    }
}
