package dev.spinetrack.protocol.properties;

import dev.spinetrack.protocol.gatt.SampleFrame;
import dev.spinetrack.protocol.mqtt.SequenceUnwrapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The unwrapper restores a counter that steps forward by less than half its range. */
class UnwrapperPropertyTest {

    private static final long HALF = 1L << 31;

    @Provide
    Arbitrary<List<Long>> forwardSteps() {
        return Arbitraries.oneOf(Arbitraries.longs().between(0, 3), Arbitraries.longs().between(0, HALF - 1))
                .list().ofMinSize(1).ofMaxSize(200);
    }

    @Property
    void forwardCounterUnwrapsExactlyAndMonotonically(@ForAll @LongRange(min = 0, max = SampleFrame.MAX_U32) long start,
                                                      @ForAll("forwardSteps") List<Long> steps) {
        SequenceUnwrapper u = new SequenceUnwrapper();
        long truth = start;
        long previous = u.unwrap(start);
        assertEquals(start, previous);
        for (long step : steps) {
            truth += step;
            long unwrapped = u.unwrap(truth & SampleFrame.MAX_U32);
            assertEquals(truth, unwrapped);
            assertTrue(unwrapped >= previous);
            previous = unwrapped;
        }
    }

    @Property
    void aLateReadingNeverMovesTheEpochBack(@ForAll @LongRange(min = 0, max = SampleFrame.MAX_U32) long start,
                                            @ForAll @LongRange(min = 1, max = HALF - 1) long forward,
                                            @ForAll @LongRange(min = 1, max = HALF - 1) long lateBy) {
        SequenceUnwrapper u = new SequenceUnwrapper();
        u.unwrap(start);
        long now = start + forward;
        assertEquals(now, u.unwrap(now & SampleFrame.MAX_U32));
        long late = now - lateBy;
        if (late >= 0) {
            assertEquals(late, u.unwrap(late & SampleFrame.MAX_U32), "a late reading keeps its own epoch");
        }
        assertEquals(now + 1, u.unwrap((now + 1) & SampleFrame.MAX_U32), "the stream continues after a late reading");
    }
}
