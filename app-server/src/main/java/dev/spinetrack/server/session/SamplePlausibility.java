package dev.spinetrack.server.session;

import dev.spinetrack.protocol.gatt.PressureUnit;
import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.protocol.mqtt.SamplePosition;

/**
 * Whether a sample from a trusted gateway is physically believable. A gateway may be buggy or
 * taken over; what it sends must never cost the server more than normal work, so values no
 * device can produce are dropped (and counted) before they are stored: a sequence number far
 * ahead of what the device reached (one forged seq would make every later real sample "late"
 * and re-derive sessions), a timestamp years away, a pressure beyond any sensor's range.
 * Cheap: a few comparisons per sample.
 */
public final class SamplePlausibility {

    /**
     * Largest forward seq jump accepted: about 11 days of frames lost at 100 Hz. The 32-bit
     * device counter unwraps to +1 across a wrap (PROTOCOL.md §3.2), so no real jump is larger.
     */
    public static final long MAX_SEQ_JUMP = 100_000_000L;
    /** Highest seq of a device never seen before: 2^40, centuries of frames at 1 kHz. */
    public static final long MAX_FIRST_SEQ = 1L << 40;
    /**
     * Highest boot counter of a device never seen before, and largest forward boot jump: a
     * device rebooting every ten minutes for two years.
     */
    public static final long MAX_BOOT = 100_000;
    /**
     * Oldest device time accepted, relative to the server clock: three years, far beyond any
     * gateway backlog, so recorded data (and the simulator's fixed scenario epoch) replays.
     */
    public static final long MAX_PAST_MS = 3L * 366 * 24 * 3600 * 1000;
    /** Newest device time accepted: a day ahead covers any clock skew. */
    public static final long MAX_FUTURE_MS = 24L * 3600 * 1000;
    /** Force on one rack cell, N: five times a heavy person's whole weight. */
    public static final double MAX_NEWTON = 5_000;
    /** Internal pressure of a ball, kPa: ten times what a massage ball holds. */
    public static final double MAX_KILOPASCAL = 1_000;

    private SamplePlausibility() {
    }

    /**
     * Why a sample is implausible, or null when it is believable.
     *
     * @param processedSeq highest seq tracked for the device, -1 for none
     * @param nowMs        server clock, epoch ms
     * @param unit         the device's pressure unit, or null before its info arrived
     */
    public static String problem(Sample s, long processedSeq, long nowMs, PressureUnit unit) {
        // s.seq() and processedSeq are positions (SamplePosition): a jump is judged within a boot;
        // a new boot restarts its seq near 0 (PROTOCOL.md §3.3)
        long boot = SamplePosition.boot(s.seq());
        long seq = SamplePosition.seq(s.seq());
        if (processedSeq < 0) {
            if (boot > MAX_BOOT || seq > MAX_FIRST_SEQ) {
                return "first position " + s.seq() + " (boot " + boot + ", seq " + seq + ") beyond boot " + MAX_BOOT
                        + ", seq " + MAX_FIRST_SEQ;
            }
        } else {
            long lastBoot = SamplePosition.boot(processedSeq);
            long lastSeq = SamplePosition.seq(processedSeq);
            boolean jump = boot == lastBoot ? seq - lastSeq > MAX_SEQ_JUMP
                    : boot > lastBoot && (boot - lastBoot > MAX_BOOT || seq > MAX_SEQ_JUMP);
            if (jump) {
                return "seq " + seq + " of boot " + boot + " jumps beyond seq " + lastSeq + " of boot " + lastBoot;
            }
        }
        if (s.t() < nowMs - MAX_PAST_MS || s.t() > nowMs + MAX_FUTURE_MS) {
            return "time " + s.t() + " too far from now " + nowMs;
        }
        double max = unit == PressureUnit.KILOPASCAL ? MAX_KILOPASCAL : MAX_NEWTON;
        for (double p : s.p()) {
            if (!(p >= 0 && p <= max)) { // also catches NaN
                return "pressure " + p + " outside 0.." + max;
            }
        }
        return null;
    }
}
