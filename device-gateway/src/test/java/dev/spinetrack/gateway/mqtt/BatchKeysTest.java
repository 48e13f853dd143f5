package dev.spinetrack.gateway.mqtt;

import dev.spinetrack.gateway.queue.QueuedMessage;
import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.protocol.mqtt.SampleBatch;
import dev.spinetrack.protocol.mqtt.Topics;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A batch's key is noted from the record when it is queued and read back from its bytes when the
 * drain did not note it (after a restart, or past the noted limit): both must name it alike, or a
 * confirmation would never release it.
 */
class BatchKeysTest {

    @Test
    void theKeyNotedFromTheRecordIsTheKeyReadBackFromItsBytes() {
        Random random = new Random(3);
        for (int round = 0; round < 1_000; round++) {
            long seq = random.nextBoolean() ? random.nextInt(1_000) : (random.nextLong() >>> 2);
            List<Sample> samples = new ArrayList<>();
            int count = 1 + random.nextInt(5);
            for (int i = 0; i < count; i++) {
                seq += 1 + random.nextInt(3); // gaps are allowed, order is not
                samples.add(new Sample(seq, 1_700_000_000_000L + i, 1.5, -2.25,
                        new double[] {random.nextDouble() * 100, 0}, random.nextBoolean() ? null : 80));
            }
            String device = String.format("%012x", random.nextLong() & 0xffffffffffffL);
            long boot = random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(1 << 20);
            SampleBatch b = SampleBatch.of("gw-keys", device, boot, round, 1_700_000_000_000L + round, samples);
            long index = random.nextInt(1 << 30);
            QueuedMessage queued = new QueuedMessage(index, Topics.samples(b.gateway(), b.device()), Json.bytes(b),
                    samples.size());
            assertEquals(BatchKeys.of(queued), BatchKeys.of(index, b), new String(queued.payload()));
        }
    }

    @Test
    void aMessageThatIsNotASampleBatchHasNoKey() {
        assertNull(BatchKeys.of(new QueuedMessage(0, "spinetrack/v1/gw/c0ffee000001/info", new byte[] {'{', '}'}, 1)));
        assertNull(BatchKeys.of(new QueuedMessage(0, "spinetrack/v1/gw/c0ffee000001/samples", "[]".getBytes(), 1)));
    }

    @Test
    void notedKeysAreTakenOnceAndThoseThePassedOverAreDropped() {
        NotedKeys noted = new NotedKeys();
        List<QueuedMessage> queued = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            SampleBatch b = SampleBatch.of("gw-keys", "c0ffee000001", 1, i, 1_700_000_000_000L,
                    List.of(new Sample(10L * i, 1_700_000_000_000L, 0, 0, new double[] {1}, null)));
            queued.add(new QueuedMessage(100 + i, Topics.samples(b.gateway(), b.device()), Json.bytes(b), 1));
            noted.note(100 + i, b);
        }
        assertEquals(BatchKeys.of(queued.get(2)), noted.take(queued.get(2)));
        assertEquals(2, noted.size(), "taken, and the two before it (passed over) dropped");
        assertEquals(BatchKeys.of(queued.get(0)), noted.take(queued.get(0)), "a rewind reads it back");
        assertEquals(BatchKeys.of(queued.get(4)), noted.take(queued.get(4)));
        assertEquals(0, noted.size());
    }
}
