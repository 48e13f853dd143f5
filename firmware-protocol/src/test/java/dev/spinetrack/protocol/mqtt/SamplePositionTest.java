package dev.spinetrack.protocol.mqtt;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SamplePositionTest {

    @Test
    void positionIsBootTimesTwoToTheFortyPlusSeq() {
        // PROTOCOL.md §3.3, written out: boot 3, seq 17 -> 3 * 1,099,511,627,776 + 17
        assertEquals(3_298_534_883_345L, SamplePosition.of(3, 17));
        assertEquals(17, SamplePosition.of(0, 17), "boot 0: position = seq");
        assertEquals(3, SamplePosition.boot(3_298_534_883_345L));
        assertEquals(17, SamplePosition.seq(3_298_534_883_345L));
    }

    @Test
    void everySampleOfALaterBootComesAfterEverySampleOfAnEarlierOne() {
        long lastOfBoot1 = SamplePosition.of(1, SampleBatch.MAX_SEQ);
        long firstOfBoot2 = SamplePosition.of(2, 0);
        assertTrue(lastOfBoot1 < firstOfBoot2);
        assertEquals(1, SamplePosition.boot(lastOfBoot1));
        assertEquals(SampleBatch.MAX_SEQ, SamplePosition.seq(lastOfBoot1));
        long highestBoot = (1L << 23) - 1; // PROTOCOL.md: boot < 2^23 keeps positions positive
        assertTrue(SamplePosition.of(highestBoot, SampleBatch.MAX_SEQ) > 0);
    }
}
