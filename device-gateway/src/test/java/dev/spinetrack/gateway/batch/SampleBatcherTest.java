package dev.spinetrack.gateway.batch;

import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.protocol.mqtt.SampleBatch;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SampleBatcherTest {

    private final AtomicLong nanos = new AtomicLong();
    private final List<SampleBatch> sealed = new ArrayList<>();

    private static Sample sample(long seq) {
        return new Sample(seq, 1000 + seq, 0, 0, new double[] {1.0}, null);
    }

    private SampleBatcher batcher(int max, long ageNanos, boolean accept) {
        return new SampleBatcher("gw", max, ageNanos, nanos::get, () -> 42L, b -> {
            sealed.add(b);
            return accept;
        });
    }

    @Test
    void sealsABatchWhenItReachesTheMaximumSize() {
        SampleBatcher b = batcher(3, 1_000_000_000L, true);
        for (int i = 0; i < 7; i++) {
            b.add("aabbccddeeff", sample(i));
        }
        assertEquals(2, sealed.size());
        assertEquals(List.of(0L, 1L, 2L), sealed.get(0).samples().stream().map(Sample::seq).toList());
        assertEquals(1, sealed.get(0).batch());
        assertEquals(2, sealed.get(1).batch());
        assertEquals(42L, sealed.get(0).sentAt());
    }

    @Test
    void sealsABatchOnceItsOldestSampleReachesTheMaximumAge() {
        SampleBatcher b = batcher(100, 20_000_000L, true);
        b.add("aabbccddeeff", sample(0));
        nanos.addAndGet(19_000_000L);
        b.add("aabbccddeeff", sample(1));
        b.sealAged();
        assertEquals(0, sealed.size());
        nanos.addAndGet(1_000_000L);
        b.sealAged();
        assertEquals(1, sealed.size());
        assertEquals(2, sealed.get(0).samples().size());
    }

    @Test
    void keepsOneBatchPerDevice() {
        SampleBatcher b = batcher(100, 1L, true);
        b.add("aabbccddeeff", sample(0));
        b.add("112233445566", sample(0));
        b.add("aabbccddeeff", sample(1));
        b.sealAll();
        assertEquals(2, sealed.size());
        assertEquals(3, sealed.stream().mapToInt(x -> x.samples().size()).sum());
    }

    @Test
    void countsSamplesOfRefusedBatches() {
        SampleBatcher b = batcher(2, 1L, false);
        for (int i = 0; i < 4; i++) {
            b.add("aabbccddeeff", sample(i));
        }
        assertEquals(4, b.refusedSamples());
    }
}
