package dev.spinetrack.gateway.mqtt;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spinetrack.gateway.queue.QueuedMessage;
import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.protocol.mqtt.SampleBatch;
import dev.spinetrack.protocol.mqtt.SampleBundle;
import dev.spinetrack.protocol.mqtt.Topics;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SampleBundlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static SampleBatch batch(String device, long boot, long seq, int cells) {
        double[] p = new double[cells];
        for (int i = 0; i < cells; i++) {
            p[i] = i * 0.25;
        }
        return SampleBatch.of("gw-1", device, boot, seq, 1_763_700_000_000L + seq,
                List.of(new Sample(seq, 1_763_700_000_000L + seq * 10, -1.5, 2.25, p, 90),
                        new Sample(seq + 1, 1_763_700_000_010L + seq * 10, -1.5, 2.25, p, null)));
    }

    private static QueuedMessage queued(long index, SampleBatch b) throws Exception {
        return new QueuedMessage(index, Topics.samples(b.gateway(), b.device()), JSON.writeValueAsBytes(b),
                b.samples().size());
    }

    @Test
    void theBundleIsTheQueuedBatchesInOrderAndReadsAsTheProtocolRecord() throws Exception {
        SampleBundler bundler = new SampleBundler("gw-1", 10);
        List<SampleBatch> batches = List.of(batch("c0ffee000001", 0, 10, 32), batch("c0ffee000002", 299, 0, 1),
                batch("c0ffee000001", 0, 12, 32));
        for (int i = 0; i < batches.size(); i++) {
            SampleBatch b = batches.get(i);
            assertTrue(bundler.add(queued(100 + i, b), new Unconfirmed.Batch(100 + i, b.device(), b.boot(),
                    b.firstSeq(), b.lastSeq(), 2)));
        }
        assertEquals("spinetrack/v1/gw-1/samples", bundler.topic());
        SampleBundle read = JSON.readValue(bundler.payload(), SampleBundle.class);
        assertEquals(SampleBundle.of("gw-1", batches), read);
        assertEquals(List.of(100L, 101L, 102L), bundler.keys().stream().map(Unconfirmed.Batch::index).toList());
        assertEquals(6, bundler.weight());
    }

    @Test
    void aBundleStopsAtItsCountAndByteLimitsButAlwaysTakesItsFirstBatch() throws Exception {
        SampleBundler byCount = new SampleBundler("gw-1", 2);
        SampleBatch b = batch("c0ffee000001", 0, 0, 4);
        assertTrue(byCount.add(queued(0, b), null));
        assertFalse(byCount.full());
        assertTrue(byCount.add(queued(1, b), null));
        assertTrue(byCount.full());
        assertFalse(byCount.add(queued(2, b), null), "a third batch waits for the next bundle");

        SampleBundler bySize = new SampleBundler("gw-1", 1000);
        List<Sample> many = new ArrayList<>();
        double[] p = new double[32];
        for (int i = 0; i < 9_000; i++) {
            many.add(new Sample(i, 1_763_700_000_000L + i, 0, 0, p, null));
        }
        QueuedMessage huge = queued(0, SampleBatch.of("gw-1", "c0ffee000001", 0, 0, many));
        assertTrue(huge.payload().length > SampleBundler.MAX_BYTES);
        assertTrue(bySize.add(huge, null), "a batch larger than the limit still goes, alone");
        assertTrue(bySize.full());
        assertFalse(bySize.add(queued(1, b), null));
        assertEquals(1, bySize.size());
    }

    @Test
    void aBundleOfOneOrFewerIsNotABundle() {
        assertThrows(IllegalArgumentException.class, () -> new SampleBundler("gw-1", 1));
        assertThrows(IllegalArgumentException.class, () -> new SampleBundler("gw-1", 1001));
    }
}
