package dev.spinetrack.gateway.device;

import dev.spinetrack.testing.Await;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectSlotsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void atMostSizeDevicesHoldASlotAndTheNextOneWaitsUntilOneIsFreed() throws Exception {
        ConnectSlots slots = new ConnectSlots(2);
        ConnectSlots.Slot a = slots.acquire();
        ConnectSlots.Slot b = slots.acquire();
        List<String> got = new CopyOnWriteArrayList<>();
        Thread third = waiter(slots, "third", got);
        Await.until(WAIT, () -> slots.waiting() == 1, () -> slots.waiting() + " waiting");
        assertEquals(List.of(), got, "no third slot while two are held");
        assertEquals(2, slots.held());

        a.close();
        third.join(WAIT.toMillis());
        assertEquals(List.of("third"), got);
        assertEquals(1, slots.held(), "b is still held; the third took the freed slot and gave it back");
        assertEquals(2, slots.peak());
        b.close();
    }

    @Test
    void waitingDevicesGetTheirTurnInTheOrderTheyAsked() throws Exception {
        ConnectSlots slots = new ConnectSlots(1);
        ConnectSlots.Slot first = slots.acquire();
        List<String> order = new CopyOnWriteArrayList<>();
        List<Thread> waiters = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            waiters.add(waiter(slots, "d" + i, order));
            int n = i + 1;
            Await.until(WAIT, () -> slots.waiting() == n, () -> slots.waiting() + " waiting");
        }
        first.close();
        for (Thread t : waiters) {
            t.join(WAIT.toMillis());
        }
        assertEquals(List.of("d0", "d1", "d2", "d3", "d4"), order);
        assertEquals(1, slots.peak(), "never two at once");
        assertEquals(0, slots.held());
    }

    @Test
    void closingASlotTwiceFreesItOnce() throws Exception {
        ConnectSlots slots = new ConnectSlots(1);
        ConnectSlots.Slot s = slots.acquire();
        s.close();
        s.close();
        ConnectSlots.Slot again = slots.acquire();
        assertEquals(1, slots.held());
        List<String> got = new CopyOnWriteArrayList<>();
        Thread other = waiter(slots, "other", got);
        Await.until(WAIT, () -> slots.waiting() == 1, () -> slots.waiting() + " waiting");
        assertTrue(got.isEmpty(), "the double close did not leave a second slot");
        again.close();
        other.join(WAIT.toMillis());
        assertEquals(List.of("other"), got);
    }

    @Test
    void aWaiterInterruptedLeavesTheQueueWithoutASlot() throws Exception {
        ConnectSlots slots = new ConnectSlots(1);
        ConnectSlots.Slot held = slots.acquire();
        List<String> got = new CopyOnWriteArrayList<>();
        Thread t = waiter(slots, "stopped", got);
        Await.until(WAIT, () -> slots.waiting() == 1, () -> slots.waiting() + " waiting");
        t.interrupt();
        t.join(WAIT.toMillis());
        assertEquals(List.of("interrupted"), got);
        assertEquals(0, slots.waiting());
        held.close();
        assertEquals(0, slots.held());
    }

    @Test
    void fewerThanOneSlotIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ConnectSlots(0));
    }

    /** A thread that takes a slot, records its name and frees the slot at once. */
    private static Thread waiter(ConnectSlots slots, String name, List<String> log) {
        Thread t = new Thread(() -> {
            try (ConnectSlots.Slot s = slots.acquire()) {
                log.add(name);
            } catch (InterruptedException e) {
                log.add("interrupted");
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
