package dev.spinetrack.server.ingest;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Release in arrival order, whatever order messages are finished in. */
class ArrivalOrderTest {

    private final List<String> released = new ArrayList<>();
    private final ArrivalOrder<String> order = new ArrivalOrder<>(released::add);

    @Test
    void aMessageFinishedEarlyWaitsForThoseThatArrivedBeforeIt() {
        String a = new String("a");
        String b = new String("b");
        String c = new String("c");
        order.arrived(a);
        order.arrived(b);
        order.arrived(c);
        order.finished(c);
        order.finished(b);
        assertEquals(List.of(), released, "a is not finished yet");
        assertEquals(3, order.held());
        order.finished(a);
        assertEquals(List.of("a", "b", "c"), released);
        assertEquals(0, order.held());
    }

    @Test
    void messagesFinishedInOrderAreReleasedAtOnce() {
        String a = new String("a");
        String b = new String("b");
        order.arrived(a);
        order.finished(a);
        assertEquals(List.of("a"), released);
        order.arrived(b);
        order.finished(b);
        assertEquals(List.of("a", "b"), released);
    }

    @Test
    void equalMessagesAreToldApartByIdentity() {
        String first = new String("same");
        String second = new String("same");
        order.arrived(first);
        order.arrived(second);
        order.finished(second);
        assertEquals(List.of(), released, "the second copy finished does not release the first");
        order.finished(first);
        assertEquals(2, released.size());
        assertEquals(0, order.held());
    }

    @Test
    void aMessageNeverFinishedHoldsBackEveryLaterOne() {
        List<String> arrived = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            arrived.add(new String("m" + i));
            order.arrived(arrived.get(i));
        }
        for (int i = 1; i < 5; i++) {
            order.finished(arrived.get(i));
        }
        assertEquals(List.of(), released);
        assertEquals(5, order.held());
    }
}
