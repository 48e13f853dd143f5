package dev.spinetrack.simulator;

import dev.spinetrack.protocol.gatt.DeviceCapabilities;
import dev.spinetrack.protocol.gatt.PacketReassembler;
import dev.spinetrack.protocol.gatt.SampleFrame;
import dev.spinetrack.simulator.central.ReferenceCentral;
import dev.spinetrack.simulator.truth.GroundTruth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A whole scenario played without waiting: every notification each device sent, and the
 * ground truth.
 *
 * @param options  how it was run
 * @param mtu      MTU the reference central requested
 * @param devices  per device, what its central received
 * @param truth    ground truth
 */
public record Playback(SimulationOptions options, int mtu, List<DeviceCapture> devices, GroundTruth truth) {

    public Playback {
        devices = List.copyOf(devices);
    }

    /**
     * What one device's central received.
     *
     * @param address       BLE address
     * @param deviceId      device id (MQTT)
     * @param capabilities  its capability record as read over GATT
     * @param notifications sample-stream notifications in arrival order
     * @param disconnects   reasons of the links that dropped
     */
    public record DeviceCapture(String address, String deviceId, DeviceCapabilities capabilities,
                                List<ReferenceCentral.Received> notifications, List<String> disconnects) {

        /** Frames decoded from the notifications, with device time as epoch ms (clock base + timestamp). */
        public List<TimedFrame> frames() {
            PacketReassembler reassembler = new PacketReassembler();
            List<TimedFrame> out = new ArrayList<>();
            for (ReferenceCentral.Received r : notifications) {
                for (SampleFrame f : reassembler.accept(r.value()).frames()) {
                    out.add(new TimedFrame(r.clockBase() + f.timestampMs(), f));
                }
            }
            return out;
        }
    }

    /**
     * A decoded frame with its device time.
     *
     * @param epochMs device time, epoch ms
     * @param frame   the frame
     */
    public record TimedFrame(long epochMs, SampleFrame frame) {
    }

    /** SHA-256 (hex) over every device's address and notification bytes, in order. */
    public String sha256() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (DeviceCapture d : devices) {
                md.update(d.address().getBytes(StandardCharsets.US_ASCII));
                for (ReferenceCentral.Received r : d.notifications()) {
                    md.update((byte) r.value().length);
                    md.update(r.value());
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Total notifications over all devices. */
    public long notificationCount() {
        return devices.stream().mapToLong(d -> d.notifications().size()).sum();
    }
}
