package dev.spinetrack.simulator.truth;

import java.util.Arrays;

/**
 * How many times each raw pressure count (a u16, 0..65535) occurred, in an open-addressing table
 * of primitives. The truth recorder counts every sample of a load run here: a map of boxed
 * values cost an allocation and a hash of a {@code Double} per sample (JMH
 * {@code TruthRecorderBenchmark}: 0.29 x the time per sample; at 200 racks about 17 ms of CPU a
 * second, within the gateway's run-to-run spread, so the gain is the garbage it no longer makes).
 */
final class RawTally {

    /** Table slots hold count + 1 of a raw value (0 = empty), so raw 0 needs no special case. */
    private int[] keys = new int[64];
    private long[] counts = new long[64];
    private int distinct;
    private long total;

    /** Counts one occurrence of {@code raw}. */
    void add(int raw) {
        if (raw < 0 || raw > 0xFFFF) {
            throw new IllegalArgumentException("raw count " + raw + " is not a u16");
        }
        if (2 * (distinct + 1) > keys.length) {
            grow();
        }
        int slot = find(keys, raw);
        if (keys[slot] == 0) {
            keys[slot] = raw + 1;
            distinct++;
        }
        counts[slot]++;
        total++;
    }

    /** Occurrences counted. */
    long total() {
        return total;
    }

    /**
     * The smallest raw value with at least {@code rank} occurrences at or below it (nearest rank,
     * 1-based).
     *
     * @throws IllegalArgumentException when {@code rank} is not in 1..{@link #total()}
     */
    int atRank(long rank) {
        if (rank < 1 || rank > total) {
            throw new IllegalArgumentException("rank " + rank + " is outside 1.." + total);
        }
        int[] values = new int[distinct];
        int n = 0;
        for (int k : keys) {
            if (k != 0) {
                values[n++] = k - 1;
            }
        }
        Arrays.sort(values);
        long atOrBelow = 0;
        for (int v : values) {
            atOrBelow += counts[find(keys, v)];
            if (atOrBelow >= rank) {
                return v;
            }
        }
        throw new IllegalStateException("the tally holds fewer than " + rank + " occurrences");
    }

    /** The slot of {@code raw} in {@code table}, or the empty slot where it belongs. */
    private static int find(int[] table, int raw) {
        int mask = table.length - 1;
        int h = raw * 0x9E3779B1; // Fibonacci hashing: neighbouring counts land far apart
        int slot = (h ^ (h >>> 16)) & mask;
        while (table[slot] != 0 && table[slot] != raw + 1) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        int[] oldKeys = keys;
        long[] oldCounts = counts;
        keys = new int[oldKeys.length * 2];
        counts = new long[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                int slot = find(keys, oldKeys[i] - 1);
                keys[slot] = oldKeys[i];
                counts[slot] = oldCounts[i];
            }
        }
    }
}
