package dev.spinetrack.gateway.batch;

import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.protocol.mqtt.SampleBatch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Collects samples per device and seals a batch when it holds {@code maxSamples} or its oldest
 * sample has waited {@code maxAgeNanos}, or, told that a notification's samples are all in
 * ({@link #arrivalDone}), as soon as the device's next notification, at the rate they have been
 * arriving, would come only after that age: waiting longer would not make the
 * batch any larger, only its samples later (at 100 Hz and 20 ms a batch of two goes out when its
 * second sample arrives, not 10 ms after). Pure logic: the caller feeds samples and calls
 * {@link #sealAged()} on a timer. Thread-safe.
 */
public final class SampleBatcher {

    private final String gateway;
    private final int maxSamples;
    private final long maxAgeNanos;
    private final LongSupplier nanoClock;
    private final LongSupplier wallClock;
    private final BatchSink sink;
    private final Intake intake;
    private final Map<String, Open> open = new HashMap<>();
    private long batchCounter;
    private long refusedSamples;

    /** Gaps between arrivals needed before the arrival rate is trusted for sealing early. */
    static final int GAPS_LEARNED = 4;
    /** Arrivals closer than this are one notification's samples, not the device's rate. */
    static final long SAME_ARRIVAL_NANOS = 500_000;

    private static final class Open {
        final List<Sample> samples = new ArrayList<>();
        long firstNanos;
        long boot;
        long lastArrival = Long.MIN_VALUE;
        /** Mean gap between arrivals (exponentially weighted, 1/8), valid after {@link #GAPS_LEARNED} gaps. */
        long gapNanos;
        int gaps;

        void arrived(long now) {
            if (lastArrival != Long.MIN_VALUE) {
                long gap = now - lastArrival;
                if (gap < SAME_ARRIVAL_NANOS) {
                    return;
                }
                gapNanos = gaps == 0 ? gap : gapNanos + (gap - gapNanos) / 8;
                gaps++;
            }
            lastArrival = now;
        }

        /**
         * Whether the next arrival is due after the batch's age limit, or within the last quarter
         * gap before it: arrivals jitter, and a coin flip against the timer is not worth a wait.
         */
        boolean nextTooLate(long maxAgeNanos) {
            return gaps >= GAPS_LEARNED && (lastArrival + gapNanos) - firstNanos >= maxAgeNanos - gapNanos / 4;
        }
    }

    public SampleBatcher(String gateway, int maxSamples, long maxAgeNanos, LongSupplier nanoClock,
                         LongSupplier wallClock, BatchSink sink) {
        this(gateway, maxSamples, maxAgeNanos, nanoClock, wallClock, sink, Intake.NONE);
    }

    /**
     * A batcher that records every sample in {@code intake} before it joins an open batch, and
     * each seal after the sink took the batch, so open batches survive a kill of the process.
     */
    public SampleBatcher(String gateway, int maxSamples, long maxAgeNanos, LongSupplier nanoClock,
                         LongSupplier wallClock, BatchSink sink, Intake intake) {
        if (maxSamples < 1 || maxSamples > SampleBatch.MAX_SAMPLES) {
            throw new IllegalArgumentException("maxSamples must be 1.." + SampleBatch.MAX_SAMPLES + ", was " + maxSamples);
        }
        this.gateway = gateway;
        this.maxSamples = maxSamples;
        this.maxAgeNanos = maxAgeNanos;
        this.nanoClock = nanoClock;
        this.wallClock = wallClock;
        this.sink = sink;
        this.intake = intake;
    }

    /** Adds a sample of a device without a boot record (boot 0). */
    public synchronized void add(String device, Sample s) {
        add(device, 0, s);
    }

    /**
     * Adds a sample; seals the device's batch when full. A batch holds one boot: a sample of
     * another boot (the device rebooted) seals the open batch first.
     */
    public synchronized void add(String device, long boot, Sample s) {
        Open o = open.computeIfAbsent(device, d -> new Open());
        if (!o.samples.isEmpty() && o.boot != boot) {
            seal(device, o);
        }
        intake.received(device, boot, s);
        o.boot = boot;
        long now = nanoClock.getAsLong();
        o.arrived(now);
        if (o.samples.isEmpty()) {
            o.firstNanos = now;
        }
        o.samples.add(s);
        if (o.samples.size() >= maxSamples) {
            seal(device, o);
        }
    }

    /**
     * Marks the end of what one notification of the device brought (its samples were all
     * {@link #add}ed): seals the device's batch now when its next notification, at the rate they
     * have been arriving, would come only after the batch's maximum age.
     */
    public synchronized void arrivalDone(String device) {
        Open o = open.get(device);
        if (o != null && !o.samples.isEmpty() && o.nextTooLate(maxAgeNanos)) {
            seal(device, o);
        }
    }

    /** Seals every batch whose oldest sample is at least {@code maxAge} old. */
    public synchronized void sealAged() {
        long now = nanoClock.getAsLong();
        for (Map.Entry<String, Open> e : open.entrySet()) {
            Open o = e.getValue();
            if (!o.samples.isEmpty() && now - o.firstNanos >= maxAgeNanos) {
                seal(e.getKey(), o);
            }
        }
    }

    /** Seals everything now (shutdown). */
    public synchronized void sealAll() {
        for (Map.Entry<String, Open> e : open.entrySet()) {
            if (!e.getValue().samples.isEmpty()) {
                seal(e.getKey(), e.getValue());
            }
        }
    }

    /** Samples in batches the sink refused. */
    public synchronized long refusedSamples() {
        return refusedSamples;
    }

    private void seal(String device, Open o) {
        SampleBatch b = SampleBatch.of(gateway, device, o.boot, ++batchCounter, wallClock.getAsLong(), o.samples);
        o.samples.clear();
        if (!sink.accept(b)) {
            refusedSamples += b.samples().size();
        }
        intake.sealed(device);
    }
}
