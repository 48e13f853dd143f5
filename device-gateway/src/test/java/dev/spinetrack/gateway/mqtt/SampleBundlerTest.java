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

    /** A queue stand-in: messages {@code 0..available-1} are there; later ones never come. */
    private static final class ListSource implements SampleBundler.Source {
        final List<QueuedMessage> messages = new ArrayList<>();
        int available;
        boolean busy;
        long waitedNanos;

        @Override
        public QueuedMessage take(long index, java.time.Duration wait) throws InterruptedException {
            if (index < available) {
                return messages.get((int) index);
            }
            waitedNanos += wait.toNanos();
            if (!wait.isZero()) {
                Thread.sleep(wait.toMillis(), (int) (wait.toNanos() % 1_000_000));
            }
            return null;
        }

        @Override
        public Unconfirmed.Batch key(QueuedMessage m) {
            return m.topic().endsWith("/samples") ? new Unconfirmed.Batch(m.index(), "c0ffee000001", 0, m.index(),
                    m.index(), m.weight()) : null;
        }

        @Override
        public boolean busy() {
            return busy;
        }
    }

    private static ListSource source(int count) throws Exception {
        ListSource src = new ListSource();
        for (int i = 0; i < count; i++) {
            src.messages.add(queued(i, batch(String.format("c0ffee0000%02x", i), 0, i, 4)));
        }
        src.available = count;
        return src;
    }

    @Test
    void atLowLoadItTakesWhatIsQueuedAndNeverWaits() throws Exception {
        ListSource src = source(5);
        SampleBundler b = SampleBundler.gather("gw-1", 250, src.messages.get(0), src.key(src.messages.get(0)), 4000,
                java.time.Duration.ofMillis(50), src);
        assertEquals(5, b.size());
        assertEquals(5, b.resumeAt());
        assertEquals(0, src.waitedNanos, "no publication awaited its PUBACK: nothing to wait for");
    }

    @Test
    void whileAPublicationIsOnItsWayItWaitsUpToTheLingerForMore() throws Exception {
        ListSource src = source(3);
        src.busy = true;
        SampleBundler b = SampleBundler.gather("gw-1", 250, src.messages.get(0), src.key(src.messages.get(0)), 4000,
                java.time.Duration.ofMillis(5), src);
        assertEquals(3, b.size());
        assertTrue(src.waitedNanos > 0 && src.waitedNanos <= 5_000_000,
                "waited for more, never past the linger: " + src.waitedNanos + " ns");
    }

    @Test
    void theWindowTheCountAndAMessageThatIsNoBatchEndTheBundle() throws Exception {
        ListSource src = source(10);
        SampleBundler byRoom = SampleBundler.gather("gw-1", 250, src.messages.get(0), src.key(src.messages.get(0)), 3,
                java.time.Duration.ZERO, src);
        assertEquals(3, byRoom.size());
        assertEquals(3, byRoom.resumeAt());
        SampleBundler byCount = SampleBundler.gather("gw-1", 4, src.messages.get(0), src.key(src.messages.get(0)), 4000,
                java.time.Duration.ZERO, src);
        assertEquals(4, byCount.size());
        assertEquals(4, byCount.resumeAt());
        src.messages.set(6, new QueuedMessage(6, "spinetrack/v1/gw-1/status", new byte[] {'{', '}'}, 1));
        SampleBundler byKind = SampleBundler.gather("gw-1", 250, src.messages.get(2), src.key(src.messages.get(2)), 4000,
                java.time.Duration.ZERO, src);
        assertEquals(List.of(2L, 3L, 4L, 5L), byKind.keys().stream().map(Unconfirmed.Batch::index).toList());
        assertEquals(6, byKind.resumeAt(), "the message that is no batch goes next, on its own");
    }
}
