package dev.spinetrack.server.ingest;

import dev.spinetrack.protocol.mqtt.StoredBundle;
import dev.spinetrack.protocol.mqtt.StoredConfirmation;
import dev.spinetrack.protocol.mqtt.Topics;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which messages the noted confirmations become: per device for batches that came alone, stored
 * bundles per gateway for batches that came in bundles, every one saying the server reads bundles.
 */
class PendingConfirmationsTest {

    private final PendingConfirmations pending = new PendingConfirmations();

    private static String device(int i) {
        return String.format("c0ffee%06x", i);
    }

    @Test
    void bundledBatchesAreConfirmedPerGatewayTheOthersPerDeviceAllSayingBundles() {
        pending.add(new ConfirmKey("gw1", device(1), 0, 0, 9)); // came alone
        pending.add(new ConfirmKey("gw1", device(1), 0, 10, 19, true));
        pending.add(new ConfirmKey("gw1", device(2), 4, 0, 0, true));
        pending.add(new ConfirmKey("gw2", device(3), 0, 5, 6, true));
        pending.add(new ConfirmKey("gw1", device(1), 0, 20, 29, true));
        List<PendingConfirmations.Message> out = pending.drain();
        assertTrue(pending.isEmpty());
        assertEquals(3, out.size(), out.toString());

        assertEquals(Topics.stored("gw1", device(1)), out.get(0).topic());
        StoredConfirmation alone = assertInstanceOf(StoredConfirmation.class, out.get(0).payload());
        assertTrue(alone.bundles(), "a per-device confirmation says the server reads bundles too");
        assertTrue(alone.covers(0, 0, 9));

        assertEquals(Topics.storedBundle("gw1"), out.get(1).topic());
        StoredBundle gw1 = assertInstanceOf(StoredBundle.class, out.get(1).payload());
        assertEquals(2, gw1.confirmations().size(), "one confirmation per device and boot");
        StoredConfirmation d1 = gw1.confirmations().get(0);
        assertTrue(d1.bundles() && d1.covers(0, 10, 19) && d1.covers(0, 20, 29) && !d1.covers(0, 0, 9));
        assertTrue(gw1.confirmations().get(1).covers(4, 0, 0));

        assertEquals(Topics.storedBundle("gw2"), out.get(2).topic());
        assertTrue(((StoredBundle) out.get(2).payload()).confirmations().get(0).covers(0, 5, 6));
    }

    @Test
    void largeBundlesAreSplitAndWhatCouldNotBeSentIsNotedAgain() {
        int devices = StoredBundle.MAX_CONFIRMATIONS + 5;
        for (int d = 0; d < devices; d++) {
            pending.add(new ConfirmKey("gw1", device(d), 0, 0, 1, true));
        }
        // one device with more ranges than a confirmation holds
        for (int r = 0; r <= StoredConfirmation.MAX_RANGES; r++) {
            pending.add(new ConfirmKey("gw1", device(devices), 0, 2L * r, 2L * r + 1, true));
        }
        List<PendingConfirmations.Message> out = pending.drain();
        assertEquals(2, out.size());
        List<StoredConfirmation> all = new ArrayList<>();
        for (PendingConfirmations.Message m : out) {
            StoredBundle b = (StoredBundle) m.payload();
            assertTrue(b.confirmations().size() <= StoredBundle.MAX_CONFIRMATIONS);
            all.addAll(b.confirmations());
        }
        assertEquals(devices + 2, all.size(), "the long device needs two confirmations");
        assertTrue(all.stream().allMatch(c -> c.ranges().size() <= StoredConfirmation.MAX_RANGES && c.bundles()));

        pending.restore(out.get(1)); // the broker's window had no room for the second
        List<PendingConfirmations.Message> again = pending.drain();
        assertEquals(1, again.size());
        assertEquals(((StoredBundle) out.get(1).payload()).confirmations(),
                ((StoredBundle) again.get(0).payload()).confirmations());
    }

    @Test
    void aBundleStaysWithinItsRangeBudget() {
        int perDevice = StoredConfirmation.MAX_RANGES;
        int devices = PendingConfirmations.MAX_BUNDLE_RANGES / perDevice + 1;
        for (int d = 0; d < devices; d++) {
            for (int r = 0; r < perDevice; r++) {
                pending.add(new ConfirmKey("gw1", device(d), 0, r, r, true));
            }
        }
        List<PendingConfirmations.Message> out = pending.drain();
        assertEquals(2, out.size());
        assertEquals(devices - 1, ((StoredBundle) out.get(0).payload()).confirmations().size());
    }
}
