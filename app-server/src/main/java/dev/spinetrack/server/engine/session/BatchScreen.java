package dev.spinetrack.server.engine.session;

import dev.spinetrack.protocol.gatt.PressureUnit;
import dev.spinetrack.protocol.mqtt.Sample;

import java.util.ArrayList;
import java.util.List;

/**
 * Which samples of a batch are stored: the physically believable ones ({@link SamplePlausibility})
 * that have as many channels as the device, once its info told how many. Then, of the samples
 * stored for the first time, which are late (at or below what the device already tracked, so they
 * re-derive the sessions they fall in) and which are next (tracked incrementally).
 */
public final class BatchScreen {

    private BatchScreen() {
    }

    /**
     * What a batch keeps.
     *
     * @param kept        the samples to store, in batch order
     * @param implausible how many were dropped as physically implausible
     * @param problem     why the first of them was, or null when none was
     * @param misfits     how many were dropped for a channel count not the device's
     */
    public record Screened(List<Sample> kept, int implausible, String problem, int misfits) {

        /** Samples dropped for either reason. */
        public int rejected() {
            return implausible + misfits;
        }
    }

    /**
     * Screens a batch. Allocates nothing more than the result when every sample passes, the usual case.
     *
     * @param processedSeq highest seq tracked for the device, -1 for none
     * @param nowMs        server clock, epoch ms
     * @param unit         the device's pressure unit, or null before its info arrived
     * @param channels     the device's channel count, or -1 before its info arrived (then any count is kept)
     */
    public static Screened screen(List<Sample> batch, long processedSeq, long nowMs, PressureUnit unit, int channels) {
        String problem = null;
        for (Sample s : batch) {
            problem = SamplePlausibility.problem(s, processedSeq, nowMs, unit);
            if (problem != null) {
                break;
            }
        }
        List<Sample> kept = batch;
        if (problem != null) {
            kept = new ArrayList<>(batch.size());
            for (Sample s : batch) {
                if (SamplePlausibility.problem(s, processedSeq, nowMs, unit) == null) {
                    kept.add(s);
                }
            }
        }
        int implausible = batch.size() - kept.size();
        if (channels < 0) {
            return new Screened(kept, implausible, problem, 0);
        }
        List<Sample> fitting = new ArrayList<>(kept.size());
        for (Sample s : kept) {
            if (s.p().length == channels) {
                fitting.add(s);
            }
        }
        return new Screened(fitting, implausible, problem, kept.size() - fitting.size());
    }

    /**
     * Samples stored for the first time, split by what the device already tracked.
     *
     * @param late samples at or below the device's processed seq, in batch order
     * @param next samples above it, in batch order
     */
    public record Arrival(List<Sample> late, List<Sample> next) {
    }

    /** Splits newly stored samples into late and next ones. */
    public static Arrival split(List<Sample> fresh, long processedSeq) {
        List<Sample> late = new ArrayList<>();
        List<Sample> next = new ArrayList<>(fresh.size());
        for (Sample s : fresh) {
            (s.seq() <= processedSeq ? late : next).add(s);
        }
        return new Arrival(late, next);
    }
}
