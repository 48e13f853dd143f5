package dev.spinetrack.gateway.mqtt;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RetainedStateTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> drain(RetainedState r) {
        List<String> out = new ArrayList<>();
        Map.Entry<String, byte[]> e;
        while ((e = r.nextDue()) != null) {
            out.add(e.getKey() + "=" + new String(e.getValue(), StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void eachTopicIsDueOnceWithItsLatestStateInTheOrderItFirstChanged() {
        RetainedState r = new RetainedState();
        r.put("a/status", b("ONLINE"));
        r.put("b/status", b("ONLINE"));
        r.put("a/status", b("OFFLINE"));
        assertEquals(List.of("a/status=OFFLINE", "b/status=ONLINE"), drain(r));
        assertNull(r.nextDue(), "nothing is due once published");
    }

    @Test
    void aLostPublicationIsDueAgainWithWhateverIsLatestThen() {
        RetainedState r = new RetainedState();
        r.put("a/status", b("ONLINE"));
        assertEquals("a/status", r.nextDue().getKey());
        r.put("a/status", b("LOST")); // changed while the first publication was in flight
        assertEquals(List.of("a/status=LOST"), drain(r));
        r.again("a/status"); // ... and the ONLINE one was lost: the broker must end with LOST
        assertEquals(List.of("a/status=LOST"), drain(r));
    }

    @Test
    void aReconnectMakesEveryTopicDueAgain() {
        RetainedState r = new RetainedState();
        r.put("a/info", b("1"));
        r.put("b/info", b("2"));
        drain(r);
        r.allDue();
        assertEquals(List.of("a/info=1", "b/info=2"), drain(r));
    }
}
