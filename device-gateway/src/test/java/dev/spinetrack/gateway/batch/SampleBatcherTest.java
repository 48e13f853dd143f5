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
    private final List<Long> sealedAt = new ArrayList<>();

    private static Sample sample(long seq) {
        return new Sample(seq, 1000 + seq, 0, 0, new double[] {1.0}, null);
    }

    private SampleBatcher batcher(int max, long ageNanos, boolean accept) {
        return new SampleBatcher("gw", max, ageNanos, nanos::get, () -> 42L, b -> {
            sealed.add(b);
            sealedAt.add(nanos.get());
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

    /**
     * Feeds one notification of {@code n} samples at the current time, advances the clock to the
     * next one and, when {@code timer}, lets the age timer run there.
     */
    private long notify(SampleBatcher b, long seq, int n, long gapNanos, boolean timer) {
        for (int i = 0; i < n; i++) {
            b.add("aabbccddeeff", sample(seq++));
        }
        b.arrivalDone("aabbccddeeff");
        nanos.addAndGet(gapNanos);
        if (timer) {
            b.sealAged();
        }
        return seq;
    }

    @Test
    void sealsAtTheLastNotificationThatFitsInTheAgeOnceTheRateIsKnown() {
        SampleBatcher b = batcher(100, 20_000_000L, true);
        long seq = 0;
        for (int i = 0; i < 20; i++) { // 100 Hz, one sample per notification
            seq = notify(b, seq, 1, 10_000_000L, true);
        }
        assertEquals(10, sealed.size());
        for (SampleBatch batch : sealed) {
            assertEquals(2, batch.samples().size(), "samples of " + batch.batch());
        }
        // while the rate is learned the timer seals at 20 ms of age; then each batch goes out
        // when its second sample arrives, 10 ms before the age would have sealed it
        assertEquals(List.of(20L, 40L, 50L, 70L, 90L), sealedAt.subList(0, 5).stream().map(n -> n / 1_000_000).toList());
        assertEquals(List.of(18L, 19L), sealed.get(9).samples().stream().map(Sample::seq).toList());
        assertEquals(190L, sealedAt.get(9) / 1_000_000);
    }

    @Test
    void keepsTheSamplesOfOneNotificationTogether() {
        SampleBatcher b = batcher(100, 20_000_000L, true);
        long seq = 0;
        for (int i = 0; i < 10; i++) { // two samples per notification every 20 ms
            seq = notify(b, seq, 2, 20_000_000L, true);
        }
        assertEquals(10, sealed.size());
        for (SampleBatch batch : sealed) {
            assertEquals(2, batch.samples().size());
        }
        assertEquals(180L, sealedAt.get(9) / 1_000_000, "sealed as it arrived");
    }

    @Test
    void fillsABatchWithAsManyNotificationsAsTheAgeAllows() {
        SampleBatcher b = batcher(100, 20_000_000L, true);
        long seq = 0;
        for (int i = 0; i < 40; i++) { // 200 Hz
            seq = notify(b, seq, 1, 5_000_000L, true);
        }
        assertEquals(10, sealed.size());
        for (SampleBatch batch : sealed) {
            assertEquals(4, batch.samples().size());
        }
        assertEquals(195L, sealedAt.get(9) / 1_000_000);
    }

    @Test
    void sealsOnArrivalThoughArrivalsJitter() {
        SampleBatcher b = batcher(100, 20_000_000L, true);
        long seq = 0;
        long[] gapsMs = {9, 11, 10, 9, 11, 9, 10, 11}; // 100 Hz, +-1 ms
        for (int i = 0; i < 40; i++) { // no timer: a batch goes out at an arrival or not at all
            seq = notify(b, seq, 1, gapsMs[i % gapsMs.length] * 1_000_000L, false);
        }
        assertEquals(18, sealed.size(), "the first while the rate is learned, then one per two arrivals");
        for (SampleBatch batch : sealed.subList(1, sealed.size())) {
            assertEquals(2, batch.samples().size());
        }
    }

    @Test
    void waitsForTheAgeWhileTheRateIsUnknown() {
        SampleBatcher b = batcher(100, 20_000_000L, true);
        long seq = 0;
        for (int i = 0; i < 3; i++) { // three arrivals: two gaps, too few to trust
            seq = notify(b, seq, 1, 10_000_000L, false);
        }
        assertEquals(0, sealed.size());
        b.sealAged();
        assertEquals(1, sealed.size());
        assertEquals(3, sealed.get(0).samples().size());
    }

    @Test
    void sealsOnlyByAgeWhenNotToldThatANotificationEnded() {
        SampleBatcher b = batcher(100, 20_000_000L, true);
        for (int i = 0; i < 10; i++) {
            b.add("aabbccddeeff", sample(i));
            nanos.addAndGet(5_000_000L);
        }
        assertEquals(0, sealed.size(), "one sample at a time may be a notification's first of several");
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
