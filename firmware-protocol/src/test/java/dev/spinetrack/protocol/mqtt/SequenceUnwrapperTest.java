package dev.spinetrack.protocol.mqtt;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SequenceUnwrapperTest {

    @Test
    void rejectsValuesThatAreNotUnsigned32Bit() {
        SequenceUnwrapper u = new SequenceUnwrapper();
        assertEquals("not an unsigned 32-bit value: -1",
                assertThrows(IllegalArgumentException.class, () -> u.unwrap(-1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> u.unwrap(1L << 32));
    }

    @Test
    void resetForgetsTheEpoch() {
        SequenceUnwrapper u = new SequenceUnwrapper();
        u.unwrap(0xFFFFFFF0L);
        assertEquals((1L << 32) + 5, u.unwrap(5));
        u.reset();
        assertEquals(5, u.unwrap(5), "after a device reboot the counter starts afresh");
    }

    @Test
    void exactlyHalfTheRangeBackIsALateValueNotAWrap() {
        SequenceUnwrapper u = new SequenceUnwrapper();
        u.unwrap(1L << 31);
        assertEquals(0, u.unwrap(0));
        assertEquals((1L << 31) + 1, u.unwrap((1L << 31) + 1));
    }
}
