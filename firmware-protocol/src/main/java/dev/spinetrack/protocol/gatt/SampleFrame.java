package dev.spinetrack.protocol.gatt;

import java.util.Arrays;

/**
 * One sample of a device (PROTOCOL.md §3): sequence number, device timestamp, tilt and the
 * raw pressure of every channel, optionally the battery level.
 *
 * @param sequence    unsigned 32-bit counter, wrapping from 4294967295 to 0
 * @param timestampMs unsigned 32-bit device milliseconds (since SET_TIME when
 *                    {@code clockSet}, else since power-on), wrapping likewise
 * @param pitchCenti  pitch in hundredths of a degree, [-9000, 9000]
 * @param rollCenti   roll in hundredths of a degree, [-18000, 18000]
 * @param pressures   raw counts per channel, 1..32 channels, each [0, 65534]
 * @param battery     battery percent [0, 100], or {@link #NO_BATTERY}
 * @param tared       the device's channels have been tared since power-on
 * @param clockSet    the timestamp counts from the base given by SET_TIME
 */
public record SampleFrame(long sequence, long timestampMs, int pitchCenti, int rollCenti,
                          int[] pressures, int battery, boolean tared, boolean clockSet) {

    /** Frame format version this class encodes. */
    public static final int VERSION = 1;
    /** {@code battery} value meaning the frame carries no battery byte. */
    public static final int NO_BATTERY = -1;
    /** Largest channel count a frame may carry. */
    public static final int MAX_CHANNELS = 32;
    /** Largest valid raw pressure; 0xFFFF is reserved for "channel fault". */
    public static final int MAX_PRESSURE = 0xFFFE;
    /** Largest sequence number and timestamp before they wrap to 0. */
    public static final long MAX_U32 = 0xFFFFFFFFL;

    public SampleFrame {
        check(sequence >= 0 && sequence <= MAX_U32, "sequence", sequence);
        check(timestampMs >= 0 && timestampMs <= MAX_U32, "timestampMs", timestampMs);
        check(pitchCenti >= -9000 && pitchCenti <= 9000, "pitchCenti", pitchCenti);
        check(rollCenti >= -18000 && rollCenti <= 18000, "rollCenti", rollCenti);
        if (pressures == null || pressures.length < 1 || pressures.length > MAX_CHANNELS) {
            throw new IllegalArgumentException("pressures must have 1.." + MAX_CHANNELS + " channels");
        }
        pressures = pressures.clone();
        for (int i = 0; i < pressures.length; i++) {
            // the field name is built only for a bad value: every frame passes here, 16 to 32 times
            if (pressures[i] < 0 || pressures[i] > MAX_PRESSURE) {
                check(false, "pressures[" + i + "]", pressures[i]);
            }
        }
        check(battery == NO_BATTERY || (battery >= 0 && battery <= 100), "battery", battery);
    }

    private static void check(boolean ok, String field, long value) {
        if (!ok) {
            throw new IllegalArgumentException(field + " out of range: " + value);
        }
    }

    /** Pitch in degrees. */
    public double pitchDegrees() {
        return pitchCenti / 100.0;
    }

    /** Roll in degrees. */
    public double rollDegrees() {
        return rollCenti / 100.0;
    }

    /** Raw pressure of one channel. */
    public int pressure(int channel) {
        return pressures[channel];
    }

    /** Number of pressure channels. */
    public int channelCount() {
        return pressures.length;
    }

    /** A defensive copy of the raw pressures. */
    @Override
    public int[] pressures() {
        return pressures.clone();
    }

    public boolean hasBattery() {
        return battery != NO_BATTERY;
    }

    /** Encoded size of this frame in bytes. */
    public int encodedLength() {
        return SampleFrameCodec.HEADER_LENGTH + 2 * pressures.length + (hasBattery() ? 1 : 0);
    }

    /** The next sequence number after {@code sequence}, wrapping at 2^32. */
    public static long nextSequence(long sequence) {
        return (sequence + 1) & MAX_U32;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SampleFrame f && sequence == f.sequence && timestampMs == f.timestampMs
                && pitchCenti == f.pitchCenti && rollCenti == f.rollCenti && battery == f.battery
                && tared == f.tared && clockSet == f.clockSet && Arrays.equals(pressures, f.pressures);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(sequence) * 31 + Arrays.hashCode(pressures);
    }

    @Override
    public String toString() {
        return "SampleFrame[seq=" + sequence + ", t=" + timestampMs + ", pitch=" + pitchCenti
                + ", roll=" + rollCenti + ", p=" + Arrays.toString(pressures) + ", battery=" + battery
                + ", tared=" + tared + ", clockSet=" + clockSet + "]";
    }
}
