package dev.spinetrack.protocol.mqtt;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Arrays;

/**
 * One decoded sample in a batch (PROTOCOL.md §7.2).
 *
 * @param seq      device sequence number, extended past 2^32 by the gateway; (device, seq) is unique
 * @param t        device time as epoch milliseconds
 * @param pitch    degrees, [-90, 90]
 * @param roll     degrees, [-180, 180]
 * @param p        pressure per channel in the device's unit (see {@link DeviceInfo#unit()})
 * @param battery  battery percent, absent when the frame carried none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Sample(@JsonProperty("seq") long seq, @JsonProperty("t") long t,
                     @JsonProperty("pitch") double pitch, @JsonProperty("roll") double roll,
                     @JsonProperty("p") double[] p, @JsonProperty("bat") Integer battery) {

    public Sample {
        if (seq < 0) {
            throw new IllegalArgumentException("seq must be >= 0, was " + seq);
        }
        if (!(pitch >= -90 && pitch <= 90)) {
            throw new IllegalArgumentException("pitch must be in [-90, 90] degrees, was " + pitch);
        }
        if (!(roll >= -180 && roll <= 180)) {
            throw new IllegalArgumentException("roll must be in [-180, 180] degrees, was " + roll);
        }
        if (p == null || p.length < 1 || p.length > 32) {
            throw new IllegalArgumentException("p must have 1..32 channels");
        }
        for (int i = 0; i < p.length; i++) {
            if (!(p[i] >= 0) || Double.isInfinite(p[i])) {
                throw new IllegalArgumentException("p[" + i + "] must be a finite value >= 0, was " + p[i]);
            }
        }
        if (battery != null && (battery < 0 || battery > 100)) {
            throw new IllegalArgumentException("bat must be in [0, 100], was " + battery);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sample s && seq == s.seq && t == s.t && Double.compare(pitch, s.pitch) == 0
                && Double.compare(roll, s.roll) == 0 && Arrays.equals(p, s.p)
                && java.util.Objects.equals(battery, s.battery);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(seq) * 31 + Long.hashCode(t);
    }

    @Override
    public String toString() {
        return "Sample[seq=" + seq + ", t=" + t + ", pitch=" + pitch + ", roll=" + roll + ", p="
                + Arrays.toString(p) + ", bat=" + battery + "]";
    }
}
