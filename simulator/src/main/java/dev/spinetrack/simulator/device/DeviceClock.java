package dev.spinetrack.simulator.device;

import dev.spinetrack.protocol.gatt.SampleFrame;

/**
 * A device's millisecond clock: counts from power-on (scenario start) until a central sets
 * it with SET_TIME, then from that base; runs fast or slow by the drift in ppm.
 */
final class DeviceClock {

    private final long startEpoch;
    private final double rate;
    private boolean set;
    private long baseEpoch;
    private double baseVirtualMs;
    private double powerOnVirtualMs;

    DeviceClock(long startEpoch, double driftPpm) {
        this.startEpoch = startEpoch;
        this.rate = 1 + driftPpm / 1e6;
    }

    void set(long epochMs, double virtualMs) {
        set = true;
        baseEpoch = epochMs;
        baseVirtualMs = virtualMs;
    }

    /** A power-on at {@code virtualMs}: the clock counts from there again, unset. */
    void powerOn(double virtualMs) {
        set = false;
        powerOnVirtualMs = virtualMs;
    }

    boolean isSet() {
        return set;
    }

    /** Device ms since the current base (unwrapped). */
    long deviceMs(double virtualMs) {
        return (long) Math.floor((virtualMs - (set ? baseVirtualMs : powerOnVirtualMs)) * rate);
    }

    /** The u32 timestamp a frame carries. */
    long timestamp(double virtualMs) {
        return deviceMs(virtualMs) & SampleFrame.MAX_U32;
    }

    /** Device time as epoch ms: the base (or the scenario start) plus device ms. */
    long epochMs(double virtualMs) {
        return set ? baseEpoch + deviceMs(virtualMs) : startEpoch + (long) Math.floor(powerOnVirtualMs)
                + deviceMs(virtualMs);
    }
}
