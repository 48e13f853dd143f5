package dev.spinetrack.gateway.device;

import dev.spinetrack.protocol.gatt.DeviceCapabilities;
import dev.spinetrack.protocol.gatt.SampleFrame;
import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.protocol.mqtt.SequenceUnwrapper;

import java.util.function.LongSupplier;

/**
 * Turns frames of one connection into MQTT samples: raw pressure times the capability scale,
 * centi-degrees to degrees, and device time to epoch ms as {@code base + unwrapped timestamp},
 * where {@code base} is the SET_TIME value the gateway sent on this connection. A frame whose
 * clock is not set (the device ignored SET_TIME) gets the gateway's receive time instead.
 */
public final class FrameConverter {

    private final DeviceCapabilities caps;
    private final long timeBase;
    private final LongSupplier wallClock;
    private final SequenceUnwrapper time = new SequenceUnwrapper();

    public FrameConverter(DeviceCapabilities caps, long timeBase, LongSupplier wallClock) {
        this.caps = caps;
        this.timeBase = timeBase;
        this.wallClock = wallClock;
    }

    /** The sample of a frame whose sequence number is {@code seq} once unwrapped. */
    public Sample convert(SampleFrame f, long seq) {
        long t = f.clockSet() ? timeBase + time.unwrap(f.timestampMs()) : wallClock.getAsLong();
        double[] p = new double[f.channelCount()];
        for (int i = 0; i < p.length; i++) {
            p[i] = caps.toUnits(f.pressure(i));
        }
        return new Sample(seq, t, f.pitchDegrees(), f.rollDegrees(), p, f.hasBattery() ? f.battery() : null);
    }
}
