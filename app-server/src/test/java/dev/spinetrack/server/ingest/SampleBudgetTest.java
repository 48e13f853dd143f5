package dev.spinetrack.server.ingest;

import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.protocol.mqtt.SampleBatch;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a message counts against the ingest's budget of held samples. */
class SampleBudgetTest {

    @Test
    void aBatchCountsItsSamplesAnythingElseOne() {
        assertEquals(2, IngestPartitions.weight(pending(batch(2))));
        assertEquals(500, IngestPartitions.weight(pending(batch(500))));
        assertEquals(1, IngestPartitions.weight(pending(null)), "a status or info message");
    }

    @Test
    void theBudgetHoldsMoreThanOneLargestBatchSoEveryBatchCanPass() {
        // a batch holds at most 10,000 samples (PROTOCOL.md): one always fits in an empty budget
        assertEquals(10_000, IngestPartitions.weight(pending(batch(10_000))));
        assertTrue(IngestPartitions.SAMPLE_BUDGET >= 10_000);
    }

    private static IngestWorker.Pending pending(SampleBatch batch) {
        Object payload = batch == null ? "a device info or status" : batch;
        return new IngestWorker.Pending("t", 1, 1, new MessageParser.Parsed(payload, null, null));
    }

    private static SampleBatch batch(int n) {
        List<Sample> samples = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            samples.add(new Sample(i, i * 10L, 0, 0, new double[]{1}, null));
        }
        return SampleBatch.of("gw", "fe0000000001", 0, 0, samples);
    }
}
