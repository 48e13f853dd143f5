package dev.spinetrack.gateway.device;

import dev.spinetrack.protocol.mqtt.DeviceInfo;
import dev.spinetrack.protocol.mqtt.DeviceStatus;
import dev.spinetrack.protocol.mqtt.Sample;

/** Where device sessions put what they produce. Called from BLE threads: must not block long. */
public interface DeviceOutput {

    /** One decoded sample, in ascending seq per device. */
    void sample(String device, Sample sample);

    /** The device's capabilities, after each connect. */
    void info(DeviceInfo info);

    /** A link state change. */
    void status(DeviceStatus status);
}
