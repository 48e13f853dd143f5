package dev.spinetrack.simulator.truth;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Nearest ranks of a tally against the same ranks read off a sorted copy of what was added. */
class RawTallyTest {

    @Test
    void everyRankMatchesTheSortedValuesAcrossTheWholeU16Range() {
        Random random = new Random(11);
        RawTally tally = new RawTally();
        int n = 200_000;
        int[] added = new int[n];
        for (int i = 0; i < n; i++) {
            // a narrow band of repeats and values spread over all of 0..65535 (the table grows past 2^16 slots)
            added[i] = i % 2 == 0 ? 300 + random.nextInt(20) : random.nextInt(65_536);
            tally.add(added[i]);
        }
        tally.add(0);
        tally.add(65_535);
        int[] sorted = Arrays.copyOf(added, n + 2);
        sorted[n] = 0;
        sorted[n + 1] = 65_535;
        Arrays.sort(sorted);
        assertEquals(n + 2, tally.total());
        for (long rank : new long[] {1, 2, 1_000, n / 2, (long) Math.ceil(0.95 * (n + 2)), n + 1, n + 2}) {
            assertEquals(sorted[(int) rank - 1], tally.atRank(rank), "rank " + rank);
        }
    }

    @Test
    void oneValueIsEveryRank() {
        RawTally tally = new RawTally();
        for (int i = 0; i < 5; i++) {
            tally.add(42);
        }
        assertEquals(42, tally.atRank(1));
        assertEquals(42, tally.atRank(5));
    }

    @Test
    void refusesWhatIsNotAU16OrNotARank() {
        RawTally tally = new RawTally();
        assertThrows(IllegalArgumentException.class, () -> tally.add(-1));
        assertThrows(IllegalArgumentException.class, () -> tally.add(65_536));
        assertThrows(IllegalArgumentException.class, () -> tally.atRank(1));
        tally.add(7);
        assertThrows(IllegalArgumentException.class, () -> tally.atRank(0));
        assertThrows(IllegalArgumentException.class, () -> tally.atRank(2));
    }
}
