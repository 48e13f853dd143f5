package dev.spinetrack.gateway.mqtt;

import dev.spinetrack.protocol.mqtt.StoredConfirmation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnconfirmedTest {

    private static final long S = 1_000_000_000L;
    private final Unconfirmed u = new Unconfirmed(10 * S, 40 * S, 30 * S, 4_000);

    private static Unconfirmed.Batch batch(long index, String device, long boot, long first, long last) {
        return new Unconfirmed.Batch(index, device, boot, first, last, (int) (last - first + 1));
    }

    @Test
    void aConfirmationReleasesOnlyTheBatchesOfItsDeviceAndBootThatItCovers() {
        u.published(batch(0, "c0ffee000001", 1, 0, 9), 0);
        u.published(batch(1, "c0ffee000002", 1, 0, 9), 0);
        u.published(batch(2, "c0ffee000001", 2, 0, 9), 0);
        u.published(batch(3, "c0ffee000001", 1, 10, 19), 0);
        List<Unconfirmed.Batch> done = u.confirm(StoredConfirmation.of("gw", "c0ffee000001", 1,
                List.of(new long[] {0, 9}, new long[] {10, 15})));
        assertEquals(List.of(0L), done.stream().map(Unconfirmed.Batch::index).toList(),
                "boot 2 is another stream; 10..19 is not wholly inside 10..15");
        assertEquals(3, u.inFlight());
        assertTrue(u.contains(3) && u.contains(2) && u.contains(1));
    }

    @Test
    void unconfirmedBatchesComeDueAfterTheTimeoutWhichGrowsUntilSomethingIsConfirmed() {
        u.published(batch(0, "c0ffee000001", 0, 0, 9), 0);
        assertEquals(List.of(), u.due(9 * S, 10));
        assertEquals(1, u.due(10 * S, 10).size());
        assertEquals(20 * S, u.timeoutNanos(), "doubled");
        u.published(batch(0, "c0ffee000001", 0, 0, 9), 10 * S);
        assertEquals(List.of(), u.due(29 * S, 10));
        assertEquals(1, u.due(30 * S, 10).size());
        u.published(batch(0, "c0ffee000001", 0, 0, 9), 30 * S);
        u.due(200 * S, 10);
        assertEquals(40 * S, u.timeoutNanos(), "capped");
        u.published(batch(1, "c0ffee000001", 0, 10, 19), 200 * S);
        u.confirm(StoredConfirmation.of("gw", "c0ffee000001", 0, List.of(new long[] {0, 9})));
        assertEquals(10 * S, u.timeoutNanos(), "a confirmation resets it");
    }

    @Test
    void theWindowStartsSmallGrowsByWhatIsConfirmedAndStartsSmallAgainOnEveryTimeout() {
        Unconfirmed w = new Unconfirmed(10 * S, 20 * S, 30 * S, 4_000);
        publish(w, 0, 500, 0);
        assertTrue(w.full(), "500 unconfirmed fill the first window of 500");
        confirm(w, 0, 99);
        assertTrue(!w.full(), "400 unconfirmed in a window of 600");
        publish(w, 500, 700, 0);
        assertTrue(w.full(), "600 in 600");
        assertEquals(600, w.due(10 * S, 1_000).size());
        assertEquals(20 * S, w.timeoutNanos(), "doubled to its cap");
        confirm(w, 100, 149);
        assertTrue(w.full(), "the timeout started the window at 500 again: 550 unconfirmed in 550");
        publish(w, 150, 700, 10 * S);
        assertEquals(550, w.due(30 * S, 1_000).size());
        assertEquals(20 * S, w.timeoutNanos(), "still at its cap");
        confirm(w, 150, 159);
        assertTrue(w.full(), "a timeout at the cap starts it small too: 540 unconfirmed in 510");
        confirm(w, 160, 699);
        publish(w, 700, 1_500, 30 * S);
        assertTrue(!w.full(), "800 unconfirmed in 510 + 540 = 1,050");
        publish(w, 1_500, 1_750, 30 * S);
        assertTrue(w.full(), "1,050 in 1,050");
    }

    private static void publish(Unconfirmed w, int from, int to, long now) {
        for (int i = from; i < to; i++) {
            w.published(batch(i, "c0ffee000001", 0, i, i), now);
        }
    }

    private static void confirm(Unconfirmed w, long first, long last) {
        w.confirm(StoredConfirmation.of("gw", "c0ffee000001", 0, List.of(new long[] {first, last})));
    }

    @Test
    void aBatchPublishedAgainAfterItsConfirmationIsForgottenOnceTheQueueNoLongerHoldsIt() {
        // the drain took batch 0 from the queue once more while its confirmation arrived: the
        // confirmation released it, then the drain's publication put it back
        u.published(batch(0, "c0ffee000001", 1, 0, 9), 0);
        u.published(batch(1, "c0ffee000001", 1, 10, 19), 0);
        u.confirm(StoredConfirmation.of("gw", "c0ffee000001", 1, List.of(new long[] {0, 9})));
        u.published(batch(0, "c0ffee000001", 1, 0, 9), 1 * S);
        u.refused(1, 1 * S); // parked, to see the parked count kept right too
        u.forget(0);
        u.forget(1);
        u.forget(7); // never there: nothing happens
        assertEquals(0, u.size());
        assertEquals(0, u.inFlight());
        assertEquals(List.of(), u.due(1_000 * S, 10), "nothing stays due");
        assertEquals(List.of(), u.confirm(StoredConfirmation.of("gw", "c0ffee000001", 1,
                List.of(new long[] {0, 19}))), "and nothing is confirmed twice");
    }

    @Test
    void aReconnectOrAFullClientWindowMakesBatchesDueWithoutGrowingTheTimeout() {
        u.published(batch(0, "c0ffee000001", 0, 0, 9), 0);
        u.published(batch(1, "c0ffee000001", 0, 10, 19), 0);
        u.allDue(1 * S);
        assertEquals(2, u.due(1 * S, 10).size());
        u.retrySoon(1, 2 * S);
        assertEquals(10 * S, u.timeoutNanos(), "not a late confirmation");
    }

    @Test
    void aRefusedBatchIsParkedOutsideTheWindowAndTriedAgainLater() {
        u.published(batch(0, "c0ffee000001", 0, 0, 9), 0);
        u.published(batch(1, "c0ffee000002", 0, 0, 9), 0);
        u.refused(0, 0);
        assertEquals(1, u.inFlight(), "the refused batch does not hold back the other device");
        assertEquals(2, u.size());
        u.allDue(1 * S);
        assertEquals(List.of(1L), u.due(1 * S, 10).stream().map(Unconfirmed.Batch::index).toList(),
                "a reconnect does not end the park");
        assertEquals(List.of(0L, 1L), u.due(30 * S, 10).stream().map(Unconfirmed.Batch::index).toList());
    }

    /**
     * {@code due} answers from a lower bound of the due times instead of scanning every batch.
     * Held here to a plain model (each batch's due time and park, kept by the rules of the class
     * comment) over random sequences of publications, confirmations, refusals, retries,
     * reconnects and clock steps: every answer must be the first {@code max} due batches.
     */
    @Test
    void dueAlwaysAnswersTheBatchesWhoseTimeHasComeInIndexOrder() {
        Random random = new Random(12);
        for (int run = 0; run < 300; run++) {
            Unconfirmed sut = new Unconfirmed(10 * S, 80 * S, 30 * S, 4_000);
            Map<Long, long[]> model = new TreeMap<>(); // index -> {dueAt, parked, seq}
            long now = random.nextInt(1_000) * S;
            long next = 0;
            for (int step = 0; step < 400; step++) {
                int op = random.nextInt(10);
                if (op <= 2) {
                    long index = !model.isEmpty() && random.nextInt(3) == 0
                            ? new ArrayList<>(model.keySet()).get(random.nextInt(model.size())) : next++;
                    long timeout = sut.timeoutNanos();
                    sut.published(batch(index, "c0ffee00000" + index % 3, 0, index * 10, index * 10 + 9), now);
                    model.put(index, new long[] {now + timeout, 0});
                } else if (op == 3 && !model.isEmpty()) {
                    long index = new ArrayList<>(model.keySet()).get(random.nextInt(model.size()));
                    sut.confirm(StoredConfirmation.of("gw", "c0ffee00000" + index % 3, 0,
                            List.of(new long[] {index * 10, index * 10 + 9})));
                    model.remove(index);
                } else if (op == 4 && !model.isEmpty()) {
                    long index = new ArrayList<>(model.keySet()).get(random.nextInt(model.size()));
                    long[] m = model.get(index);
                    sut.refused(index, now);
                    if (m[1] == 0) {
                        m[0] = now + 30 * S;
                        m[1] = 1;
                    }
                } else if (op == 5 && !model.isEmpty()) {
                    long index = new ArrayList<>(model.keySet()).get(random.nextInt(model.size()));
                    long[] m = model.get(index);
                    sut.retrySoon(index, now);
                    if (m[1] == 0) {
                        m[0] = now;
                    }
                } else if (op == 6 && random.nextInt(4) == 0) {
                    sut.allDue(now);
                    for (long[] m : model.values()) {
                        if (m[1] == 0) {
                            m[0] = now;
                        }
                    }
                } else if (op == 7) {
                    now += random.nextInt(3) == 0 ? random.nextInt(100) * S : random.nextInt(1_000_000);
                } else {
                    int max = random.nextInt(6);
                    List<Long> expected = new ArrayList<>();
                    for (Map.Entry<Long, long[]> e : model.entrySet()) {
                        if (expected.size() < max && e.getValue()[0] <= now) {
                            expected.add(e.getKey());
                        }
                    }
                    assertEquals(expected, sut.due(now, max).stream().map(Unconfirmed.Batch::index).toList(),
                            "run " + run + ", step " + step + ", max " + max);
                }
            }
        }
    }
}
