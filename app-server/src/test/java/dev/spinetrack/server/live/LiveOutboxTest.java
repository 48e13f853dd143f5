package dev.spinetrack.server.live;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LiveOutboxTest {

    private static List<String> drain(LiveOutbox<String> box) {
        List<String> out = new ArrayList<>();
        for (String m = box.take(); m != null; m = box.take()) {
            out.add(m);
            box.sent();
        }
        return out;
    }

    @Test
    void oneMessageOnTheWireAtATime() {
        LiveOutbox<String> box = new LiveOutbox<>(1, 10);
        box.offer("d1", "e1", false);
        box.offer("d1", "e2", false);
        assertEquals("e1", box.take());
        assertNull(box.take(), "the first is still on the wire");
        box.sent();
        assertEquals("e2", box.take());
    }

    @Test
    void aNewerFrameReplacesTheUnsentOneOfItsDeviceOnly() {
        LiveOutbox<String> box = new LiveOutbox<>(1, 10);
        assertEquals(LiveOutbox.Offer.QUEUED, box.offer("d1", "f1", true));
        assertEquals(LiveOutbox.Offer.QUEUED, box.offer("d2", "g1", true));
        assertEquals(LiveOutbox.Offer.SUPERSEDED, box.offer("d1", "f2", true));
        assertEquals(LiveOutbox.Offer.SUPERSEDED, box.offer("d1", "f3", true));
        assertEquals(2, box.waiting(), "one frame per device waits, however many came");
        assertEquals(2, box.superseded());
        assertEquals(List.of("g1", "f3"), drain(box));
    }

    @Test
    void aFrameOnTheWireIsNotReplacedButFollowed() {
        LiveOutbox<String> box = new LiveOutbox<>(1, 10);
        box.offer("d1", "f1", true);
        assertEquals("f1", box.take());
        assertEquals(LiveOutbox.Offer.QUEUED, box.offer("d1", "f2", true));
        box.sent();
        assertEquals(List.of("f2"), drain(box));
    }

    @Test
    void aDevicesOrderHoldsAcrossFramesAndEvents() {
        LiveOutbox<String> box = new LiveOutbox<>(1, 10);
        box.offer("d1", "f1", true);
        box.offer("d1", "session ended", false);
        box.offer("d1", "f2", true); // newer than the event: must not jump ahead of it
        box.offer("d1", "regions", false);
        assertEquals(List.of("session ended", "f2", "regions"), drain(box));
    }

    @Test
    void eventsAreNeverDroppedButRefusedPastTheCap() {
        LiveOutbox<String> box = new LiveOutbox<>(1, 3);
        box.offer("d1", "e1", false);
        box.offer("d1", "e2", false);
        box.offer("d2", "f", true);
        box.offer("d1", "e3", false);
        assertEquals(LiveOutbox.Offer.FULL, box.offer("d1", "e4", false));
        assertEquals(3, box.events(), "frames do not count against the cap");
        assertEquals(LiveOutbox.Offer.SUPERSEDED, box.offer("d2", "f'", true), "frames still coalesce when full");
        assertEquals(List.of("e1", "e2", "e3", "f'"), drain(box));
        assertEquals(0, box.events());
        assertEquals(LiveOutbox.Offer.QUEUED, box.offer("d1", "e5", false));
    }

    @Test
    void takenEventsFreeTheirPlace() {
        LiveOutbox<String> box = new LiveOutbox<>(1, 1);
        box.offer("d1", "e1", false);
        assertEquals("e1", box.take());
        assertEquals(LiveOutbox.Offer.QUEUED, box.offer("d1", "e2", false), "the one on the wire is not waiting");
    }

    @Test
    void clearDropsWhatWaits() {
        LiveOutbox<String> box = new LiveOutbox<>(1, 5);
        box.offer("d1", "e1", false);
        box.offer("d1", "f1", true);
        box.clear();
        assertEquals(0, box.waiting());
        assertEquals(0, box.events());
        assertNull(box.take());
    }

    @Test
    void needsRoomForOneMessageOnTheWireAndOneEvent() {
        assertThrows(IllegalArgumentException.class, () -> new LiveOutbox<String>(1, 0));
        assertThrows(IllegalArgumentException.class, () -> new LiveOutbox<String>(0, 1));
    }

    @Test
    void aClientThatKeepsUpGetsEveryFrameOfABurst() {
        LiveOutbox<String> box = new LiveOutbox<>(3, 10);
        List<String> wire = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            box.offer("d1", "f" + i, true);
            String m = box.take();
            if (m != null) {
                wire.add(m);
            }
            if (wire.size() > 1) {
                box.sent(); // writes complete, one behind
            }
        }
        assertEquals(List.of("f0", "f1", "f2", "f3", "f4", "f5"), wire);
        assertEquals(0, box.superseded());
    }

    @Test
    void framesAreReplacedOnlyWhileTheWireIsFull() {
        LiveOutbox<String> box = new LiveOutbox<>(2, 10);
        box.offer("d1", "f1", true);
        assertEquals("f1", box.take());
        assertEquals(LiveOutbox.Offer.QUEUED, box.offer("d1", "f2", true));
        assertEquals("f2", box.take());
        assertNull(box.take(), "two on the wire");
        assertEquals(LiveOutbox.Offer.QUEUED, box.offer("d1", "f3", true));
        assertEquals(LiveOutbox.Offer.SUPERSEDED, box.offer("d1", "f4", true));
        box.sent();
        assertEquals("f4", box.take());
        assertEquals(1, box.superseded());
    }
}
