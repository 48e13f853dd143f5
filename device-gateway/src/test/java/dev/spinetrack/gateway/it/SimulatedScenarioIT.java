package dev.spinetrack.gateway.it;

import dev.spinetrack.gateway.Gateway;
import dev.spinetrack.gateway.GatewayStats;
import dev.spinetrack.testing.Await;
import dev.spinetrack.testing.Brokers;
import dev.spinetrack.gateway.testing.SampleSubscriber;
import dev.spinetrack.testing.TestBroker;
import dev.spinetrack.protocol.mqtt.DeviceState;
import dev.spinetrack.protocol.mqtt.GatewayStatus;
import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.protocol.mqtt.Topics;
import dev.spinetrack.simulator.Simulation;
import dev.spinetrack.simulator.truth.DeviceTruth;
import dev.spinetrack.simulator.truth.GroundTruth;
import dev.spinetrack.simulator.truth.InjectedFault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.NavigableMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The simulator's devices through the real pipeline to a real broker over TCP. */
class SimulatedScenarioIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path brokerDir;
    static TestBroker broker;

    @TempDir
    Path queueDir;

    @BeforeAll
    static void startBroker() {
        broker = Brokers.shared(brokerDir);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void everyFrameOfAScenarioReachesTheSubscriberCompleteAndInOrder() throws Exception {
        String gw = ItSupport.uniqueGateway("it-sim");
        try (SampleSubscriber sub = new SampleSubscriber(broker.url(), gw)) {
            GroundTruth truth;
            GatewayStats stats;
            try (Gateway g = Gateway.start(ItSupport.config(gw, broker.url(), queueDir)
                    .withSimulation("load:3x100x8s", 7, 4, false, "").withRateHz(100))) {
                Simulation sim = g.simulation().orElseThrow();
                assertTrue(sim.awaitFinished(WAIT), "scenario did not finish");
                truth = sim.groundTruth();
                long expected = truth.devices().stream().mapToLong(DeviceTruth::samples).sum();
                Await.until(WAIT, () -> sub.total() == expected, () -> sub.total() + " of " + expected);
                Await.until(WAIT, () -> g.stats().queueDepth() == 0, () -> g.stats().toString());
                stats = g.stats();
            }
            assertEquals(3, truth.devices().size());
            for (DeviceTruth d : truth.devices()) {
                NavigableMap<Long, Sample> got = sub.samples(d.device());
                assertEquals(d.samples(), got.size(), "device " + d.device());
                assertEquals(0L, got.firstKey());
                assertEquals(d.samples() - 1, got.lastKey(), "seqs are contiguous from 0");
                assertNotNull(sub.last(Topics.info(gw, d.device())), "retained device info");
            }
            assertEquals(List.of(), sub.problems(), "every device's samples arrived in seq order");
            assertEquals(sub.total(), stats.samplesIn());
            assertEquals(stats.samplesIn(), stats.samplesOut());
            assertEquals(0, stats.gaps());
            assertEquals(0, stats.invalidFrames());
            Await.until(WAIT, () -> statusState(sub, gw) == DeviceState.OFFLINE, () -> sub.last(Topics.gatewayStatus(gw)));
        }
    }

    @Test
    void linkLossesReconnectAndCorruptedOrMissingFramesAreCountedExactly() throws Exception {
        String gw = ItSupport.uniqueGateway("it-faults");
        try (SampleSubscriber sub = new SampleSubscriber(broker.url(), gw)) {
            GroundTruth truth;
            GatewayStats stats;
            try (Gateway g = Gateway.start(ItSupport.config(gw, broker.url(), queueDir)
                    .withSimulation("load:1x100x12s", 11, 4, false, "drop=2%,corrupt=2%,disconnect=4s")
                    .withRateHz(100))) {
                Simulation sim = g.simulation().orElseThrow();
                assertTrue(sim.awaitFinished(WAIT), "scenario did not finish");
                truth = sim.groundTruth();
                Await.until(WAIT, () -> g.stats().queueDepth() == 0 && g.stats().samplesOut() == g.stats().samplesIn()
                        && g.stats().samplesIn() > 0, () -> g.stats().toString());
                stats = g.stats();
            }
            String device = truth.devices().get(0).device();
            NavigableMap<Long, Sample> got = sub.samples(device);
            Await.until(WAIT, () -> got.size() == stats.samplesIn(), () -> got.size() + " of " + stats.samplesIn());
            long span = got.lastKey() - got.firstKey() + 1;
            assertEquals(span - got.size(), stats.gaps(), "gaps = seqs missing between the first and last sample");
            long corrupt = count(truth, "CORRUPT");
            long disconnects = count(truth, "DISCONNECT");
            assertTrue(corrupt > 0 && count(truth, "DROP") > 0 && disconnects == 1, truth.faults().toString());
            assertEquals(corrupt, stats.invalidFrames(), "each corrupted packet counted once");
            assertTrue(stats.reconnects() >= disconnects, "reconnects " + stats.reconnects());
            assertEquals(List.of(), sub.problems());
            Await.until(WAIT, () -> statusState(sub, gw) == DeviceState.OFFLINE, () -> sub.last(Topics.gatewayStatus(gw)));
            GatewayStatus last = sub.gatewayStatus(Topics.gatewayStatus(gw));
            assertEquals(stats.invalidFrames(), last.invalidFrames(), "the retained status carries the counters");
            assertEquals(stats.gaps(), last.gaps());
            assertEquals(stats.samplesIn(), last.samplesIn());
            assertEquals(stats.reconnects(), last.reconnects());
            assertEquals(0, last.queueDepth());
        }
    }

    private static long count(GroundTruth truth, String type) {
        return truth.faults().stream().map(InjectedFault::type).filter(type::equals).count();
    }

    private static DeviceState statusState(SampleSubscriber sub, String gw) {
        try {
            GatewayStatus s = sub.gatewayStatus(Topics.gatewayStatus(gw));
            return s == null ? null : s.state();
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
