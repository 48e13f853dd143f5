package dev.spinetrack.gateway.device;

import dev.spinetrack.protocol.mqtt.DeviceInfo;
import dev.spinetrack.protocol.mqtt.DeviceStatus;
import dev.spinetrack.protocol.mqtt.Sample;

/** Where device sessions put what they produce. Called from BLE threads: must not block long. */
public interface DeviceOutput {

    /**
     * One decoded sample, in ascending seq per device and boot.
     *
     * @param boot the device's boot counter (PROTOCOL.md §3.3), 0 when it has no boot record
     */
    void sample(String device, long boot, Sample sample);

    /** The samples of one notification of the device were all given to {@link #sample}. */
    default void arrivalDone(String device) {
    }

    /** The device's capabilities, after each connect. */
    void info(DeviceInfo info);

    /** A link state change. */
    void status(DeviceStatus status);
}
