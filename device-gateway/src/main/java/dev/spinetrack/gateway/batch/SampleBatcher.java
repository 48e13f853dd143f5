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
 * sample has waited {@code maxAgeNanos}. Pure logic: the caller feeds samples and calls
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

    private static final class Open {
        final List<Sample> samples = new ArrayList<>();
        long firstNanos;
        long boot;
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
        if (o.samples.isEmpty()) {
            o.firstNanos = nanoClock.getAsLong();
        }
        o.samples.add(s);
        if (o.samples.size() >= maxSamples) {
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
