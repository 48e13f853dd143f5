package dev.spinetrack.simulator.truth;

import dev.spinetrack.protocol.gatt.DeviceCapabilities;
import dev.spinetrack.protocol.gatt.SampleFrame;
import dev.spinetrack.protocol.region.Region;

/**
 * One sample a simulated device emitted, as its ground truth saw it: the frame in raw counts,
 * the device's own reading of its time and, for a ball, where the script put it. Oracles that
 * need more than the per-region totals of {@link DeviceTruth} take these, e.g. a ball's dwell
 * under the tags a user actually gave, which only the run itself decides.
 *
 * @param device         device id (12 hex digits, as in MQTT topics)
 * @param capabilities   the device's capability record (cells, scale, contact threshold)
 * @param deviceEpochMs  device time as epoch ms: the SET_TIME base plus the device's ms since
 *                       it (PROTOCOL.md 3.2), as the device's clock counts, not as any receiver maps it
 * @param frame          the frame as emitted, before any link fault
 * @param scriptedRegion for a ball, the region the script works; null for a rack or off the back
 */
public record EmittedSample(String device, DeviceCapabilities capabilities, long deviceEpochMs, SampleFrame frame,
                            Region scriptedRegion) {
}
