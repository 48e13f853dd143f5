package dev.spinetrack.gateway.device;

import dev.spinetrack.gateway.ble.sim.SimulatedCentral;
import dev.spinetrack.testing.Await;
import dev.spinetrack.gateway.testing.ScriptedPeripheral;
import dev.spinetrack.protocol.gatt.SampleFrame;
import dev.spinetrack.protocol.mqtt.DeviceState;
import dev.spinetrack.protocol.mqtt.DeviceStatus;
import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.simulator.gatt.VirtualPeripheral;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Device handling end to end over scripted virtual peripherals, no broker. */
class DeviceFleetTest {

    private static final long BASE = 1_700_000_000_000L;
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final RecordingOutput out = new RecordingOutput();
    private DeviceFleet fleet;

    private DeviceFleet fleet(DeviceFilter filter, VirtualPeripheral... peripherals) {
        FleetSettings s = new FleetSettings("gw-test", filter, 100,
                new Backoff(Duration.ofMillis(5), Duration.ofMillis(20)), 10, Duration.ofMillis(20), 2);
        fleet = new DeviceFleet(new SimulatedCentral(() -> List.of(peripherals), () -> { }), s, out, () -> BASE);
        fleet.start();
        return fleet;
    }

    @AfterEach
    void stop() {
        if (fleet != null) {
            fleet.stop();
        }
    }

    @Test
    void handshakeSetsTimeAndRateThenStreamsEverySampleInOrderInPhysicalUnits() {
        ScriptedPeripheral p = new ScriptedPeripheral("C0:FF:EE:00:00:01", "rack-1", -50, 0, 300, 7, 1);
        fleet(new DeviceFilter(Set.of(), null), p);
        Await.until(WAIT, () -> out.samples.size() == 300, () -> out.samples.size() + " samples");

        assertEquals(List.of("SET_TIME", "SET_RATE", "START_STREAM"), p.controlLog());
        for (int i = 0; i < 300; i++) {
            Sample s = out.samples.get(i);
            SampleFrame f = ScriptedPeripheral.frame(i);
            assertEquals(i, s.seq());
            assertEquals(BASE + f.timestampMs(), s.t(), "t = SET_TIME base + device ms");
            assertEquals(f.pitchDegrees(), s.pitch());
            assertArrayEquals(new double[] {i * 0.01, (i + 1) * 0.01, (i + 2) * 0.01, (i + 3) * 0.01}, s.p(), 1e-9);
            assertEquals(80, s.battery());
        }
        assertEquals("c0ffee000001", out.infos.get(0).device());
        assertEquals(100, out.infos.get(0).rateHz());
        assertEquals(5.0, out.infos.get(0).contactThreshold(), 1e-9);
        assertEquals(DeviceState.ONLINE, out.statuses.get(0).state());
        DeviceCounters c = fleet.counters("c0ffee000001");
        assertEquals(300, c.samples());
        assertEquals(0, c.gaps());
        assertEquals(0, c.invalidFrames());
    }

    @Test
    void missingSequenceNumbersAndGarbageAreCountedAndSkippedNeverFatal() {
        ScriptedPeripheral p = new ScriptedPeripheral("C0:FF:EE:00:00:02", "rack-2", -50, 0, 200, 5, 1)
                .skipping(10, 11, 12, 150)
                .garbageAfter(50, 120, 180);
        fleet(new DeviceFilter(Set.of(), null), p);
        Await.until(WAIT, p::finished, () -> "peripheral still streaming");
        Await.until(WAIT, () -> out.samples.size() == 196, () -> out.samples.size() + " samples");

        DeviceCounters c = fleet.counters("c0ffee000002");
        assertEquals(4, c.gaps());
        assertEquals(3, c.invalidFrames());
        assertEquals(0, c.reconnects());
        assertTrue(out.samples.stream().noneMatch(s -> s.seq() == 11));
    }

    @Test
    void aDroppedLinkIsReconnectedAndTheSeqsMissedWhileAwayAreCountedExactly() {
        ScriptedPeripheral p = new ScriptedPeripheral("C0:FF:EE:00:00:03", "rack-3", -50, 0, 400, 5, 1)
                .droppingAfter(25, 99, 249);
        fleet(new DeviceFilter(Set.of(), null), p);
        Await.until(WAIT, p::finished, () -> "peripheral still streaming");
        Await.until(WAIT, () -> out.samples.size() == 350, () -> out.samples.size() + " samples");

        DeviceCounters c = fleet.counters("c0ffee000003");
        assertEquals(50, c.gaps(), "2 drops x 25 seqs counted while away");
        assertEquals(2, c.reconnects());
        List<DeviceState> states = out.statuses.stream().map(DeviceStatus::state).toList();
        assertEquals(List.of(DeviceState.ONLINE, DeviceState.LOST, DeviceState.ONLINE, DeviceState.LOST,
                DeviceState.ONLINE), states);
        assertEquals(3, out.infos.size(), "capabilities are read again after each connect");
        DeviceStatus lost = out.statuses.get(1);
        assertEquals(80, lost.battery(), "the status carries the last battery level seen");
        assertEquals(-50, lost.rssi());
        assertTrue(lost.reason().contains("scripted link loss"), lost.reason());
        for (int i = 1; i < out.samples.size(); i++) {
            assertTrue(out.samples.get(i).seq() > out.samples.get(i - 1).seq());
        }
    }

    @Test
    void aSilentStreamIsReconnectedByTheWatchdog() {
        ScriptedPeripheral p = new ScriptedPeripheral("C0:FF:EE:00:00:04", "rack-4", -50, 0, 100, 5, 1).stalled(true);
        fleet(new DeviceFilter(Set.of(), null), p);
        Await.until(WAIT, () -> fleet.counters("c0ffee000004") != null
                && fleet.counters("c0ffee000004").reconnects() >= 1, () -> out.statuses.toString());
        DeviceStatus lost = out.statuses.stream().filter(s -> s.state() == DeviceState.LOST).findFirst().orElseThrow();
        assertTrue(lost.reason().contains("silent"), lost.reason());
        p.stalled(false);
        Await.until(WAIT, () -> out.samples.size() == 100, () -> out.samples.size() + " samples");
    }

    @Test
    void severalDevicesStreamAtOnceAndTheFilterKeepsOthersOut() {
        ScriptedPeripheral a = new ScriptedPeripheral("C0:FF:EE:00:00:05", "rack-a", -50, 0, 100, 5, 1);
        ScriptedPeripheral b = new ScriptedPeripheral("C0:FF:EE:00:00:06", "rack-b", -60, 0, 100, 5, 1);
        ScriptedPeripheral far = new ScriptedPeripheral("C0:FF:EE:00:00:07", "rack-far", -95, 0, 100, 5, 1);
        ScriptedPeripheral other = new ScriptedPeripheral("C0:FF:EE:00:00:08", "not-mine", -40, 0, 100, 5, 1);
        fleet(new DeviceFilter(Set.of("c0:ff:ee:00:00:05", "rack-b", "rack-far"), -80), a, b, far, other);
        Await.until(WAIT, () -> out.samples.size() == 200, () -> out.samples.size() + " samples");
        assertEquals(100, fleet.counters("c0ffee000005").samples());
        assertEquals(100, fleet.counters("c0ffee000006").samples());
        assertEquals(null, fleet.counters("c0ffee000007"), "below the RSSI floor");
        assertEquals(null, fleet.counters("c0ffee000008"), "not on the allow-list");
        assertEquals(2, fleet.counters().known());
    }
}
