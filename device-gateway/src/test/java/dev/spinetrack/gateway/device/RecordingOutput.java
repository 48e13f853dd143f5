package dev.spinetrack.gateway.device;

import dev.spinetrack.protocol.mqtt.DeviceInfo;
import dev.spinetrack.protocol.mqtt.DeviceStatus;
import dev.spinetrack.protocol.mqtt.Sample;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps whatever the devices produce. */
final class RecordingOutput implements DeviceOutput {
    final List<Sample> samples = new CopyOnWriteArrayList<>();
    final List<DeviceInfo> infos = new CopyOnWriteArrayList<>();
    final List<DeviceStatus> statuses = new CopyOnWriteArrayList<>();

    @Override
    public void sample(String device, long boot, Sample sample) {
        samples.add(sample);
    }

    @Override
    public void info(DeviceInfo info) {
        infos.add(info);
    }

    @Override
    public void status(DeviceStatus status) {
        statuses.add(status);
    }
}
