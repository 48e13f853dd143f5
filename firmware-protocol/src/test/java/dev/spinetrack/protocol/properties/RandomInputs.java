package dev.spinetrack.protocol.properties;

import dev.spinetrack.protocol.gatt.CapabilitiesCodec;
import dev.spinetrack.protocol.gatt.CellPlacement;
import dev.spinetrack.protocol.gatt.ControlCodec;
import dev.spinetrack.protocol.gatt.ControlCommand;
import dev.spinetrack.protocol.gatt.ControlResult;
import dev.spinetrack.protocol.gatt.DeviceCapabilities;
import dev.spinetrack.protocol.gatt.DeviceKind;
import dev.spinetrack.protocol.gatt.NotificationPacker;
import dev.spinetrack.protocol.gatt.PressureUnit;
import dev.spinetrack.protocol.gatt.ResultCode;
import dev.spinetrack.protocol.gatt.SampleFrame;
import dev.spinetrack.protocol.gatt.SampleFrameCodec;
import dev.spinetrack.protocol.region.Side;
import dev.spinetrack.protocol.region.SpinalLevel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Hostile inputs from one seeded {@link Random}: plain random bytes, valid encodings, and
 * valid encodings with faults a radio or a buggy firmware would cause. Built on
 * {@code Random} rather than jqwik combinators so 100,000 of them take well under a second.
 */
final class RandomInputs {

    private final Random rnd;

    RandomInputs(long seed) {
        this.rnd = new Random(seed);
    }

    /** The next input: 30 % random, 60 % mutated valid, 10 % valid. */
    byte[] next() {
        int pick = rnd.nextInt(10);
        if (pick < 3) {
            byte[] b = new byte[rnd.nextInt(rnd.nextBoolean() ? 24 : 300)];
            rnd.nextBytes(b);
            return b;
        }
        byte[] valid = valid();
        return pick < 9 ? mutate(valid) : valid;
    }

    private byte[] valid() {
        switch (rnd.nextInt(5)) {
            case 0:
                return SampleFrameCodec.encode(frame());
            case 1:
                return CapabilitiesCodec.encode(capabilities());
            case 2:
                return ControlCodec.encode(command());
            case 3:
                return ControlCodec.encode(new ControlResult(rnd.nextInt(256),
                        ResultCode.values()[rnd.nextInt(ResultCode.values().length)]));
            default:
                List<SampleFrame> frames = new ArrayList<>();
                for (int i = 1 + rnd.nextInt(4); i > 0; i--) {
                    frames.add(frame());
                }
                List<byte[]> notifications = NotificationPacker.pack(frames, 23 + rnd.nextInt(225));
                return notifications.get(rnd.nextInt(notifications.size()));
        }
    }

    SampleFrame frame() {
        int[] p = new int[1 + rnd.nextInt(SampleFrame.MAX_CHANNELS)];
        for (int i = 0; i < p.length; i++) {
            p[i] = rnd.nextInt(SampleFrame.MAX_PRESSURE + 1);
        }
        return new SampleFrame(rnd.nextLong() & SampleFrame.MAX_U32, rnd.nextLong() & SampleFrame.MAX_U32,
                rnd.nextInt(18001) - 9000, rnd.nextInt(36001) - 18000, p,
                rnd.nextBoolean() ? SampleFrame.NO_BATTERY : rnd.nextInt(101), rnd.nextBoolean(), rnd.nextBoolean());
    }

    private DeviceCapabilities capabilities() {
        boolean rack = rnd.nextBoolean();
        List<CellPlacement> cells = new ArrayList<>();
        if (rack) {
            for (int i = 2 + rnd.nextInt(SampleFrame.MAX_CHANNELS - 1); i > 0; i--) {
                cells.add(new CellPlacement(SpinalLevel.values()[rnd.nextInt(SpinalLevel.values().length)],
                        rnd.nextBoolean() ? Side.LEFT : Side.RIGHT));
            }
        } else {
            cells.add(CellPlacement.UNPLACED);
        }
        int min = 1 + rnd.nextInt(1000);
        return new DeviceCapabilities(rack ? DeviceKind.RACK : DeviceKind.BALL, rnd.nextInt(256), rnd.nextInt(256),
                rnd.nextInt(256), min, min + rnd.nextInt(1001 - min),
                rnd.nextBoolean() ? PressureUnit.NEWTON : PressureUnit.KILOPASCAL, 1 + rnd.nextInt(0xFFFF),
                rnd.nextInt(SampleFrame.MAX_PRESSURE + 1), cells);
    }

    private ControlCommand command() {
        switch (rnd.nextInt(6)) {
            case 0:
                return new ControlCommand.StartStream();
            case 1:
                return new ControlCommand.StopStream();
            case 2:
                return new ControlCommand.SetRate(1 + rnd.nextInt(1000));
            case 3:
                return new ControlCommand.Tare(rnd.nextInt(8) == 0 ? ControlCommand.Tare.ALL_CHANNELS : rnd.nextInt(32));
            case 4:
                return new ControlCommand.SetTime(rnd.nextLong() & Long.MAX_VALUE);
            default:
                return new ControlCommand.Identify(1 + rnd.nextInt(60));
        }
    }

    /** One to three faults: bit flip, extreme byte, truncation, garbage tail, dropped or repeated bytes. */
    byte[] mutate(byte[] b) {
        byte[] out = b;
        for (int m = 1 + rnd.nextInt(3); m > 0; m--) {
            switch (rnd.nextInt(6)) {
                case 0 -> {
                    if (out.length > 0) {
                        out = out.clone();
                        out[rnd.nextInt(out.length)] ^= (byte) (1 << rnd.nextInt(8));
                    }
                }
                case 1 -> {
                    if (out.length > 0) {
                        out = out.clone();
                        int[] extremes = {0x00, 0xFF, 0x7F, 0x80, 0x01, rnd.nextInt(256)};
                        out[rnd.nextInt(out.length)] = (byte) extremes[rnd.nextInt(extremes.length)];
                    }
                }
                case 2 -> out = Arrays.copyOf(out, out.length == 0 ? 0 : rnd.nextInt(out.length));
                case 3 -> {
                    byte[] tail = new byte[1 + rnd.nextInt(8)];
                    rnd.nextBytes(tail);
                    byte[] grown = Arrays.copyOf(out, out.length + tail.length);
                    System.arraycopy(tail, 0, grown, out.length, tail.length);
                    out = grown;
                }
                case 4 -> {
                    if (out.length > 1) {
                        int at = rnd.nextInt(out.length);
                        byte[] shorter = new byte[out.length - 1];
                        System.arraycopy(out, 0, shorter, 0, at);
                        System.arraycopy(out, at + 1, shorter, at, out.length - at - 1);
                        out = shorter;
                    }
                }
                default -> {
                    if (out.length > 1) {
                        int from = rnd.nextInt(out.length);
                        int len = 1 + rnd.nextInt(out.length - from);
                        byte[] grown = Arrays.copyOf(out, out.length + len);
                        System.arraycopy(out, from, grown, out.length, len);
                        out = grown;
                    }
                }
            }
        }
        return out;
    }
}
