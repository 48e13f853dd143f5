package dev.spinetrack.gateway.it;

import dev.spinetrack.gateway.Gateway;
import dev.spinetrack.gateway.GatewayStats;
import dev.spinetrack.gateway.ble.sim.SimulatedCentral;
import dev.spinetrack.testing.Await;
import dev.spinetrack.testing.Brokers;
import dev.spinetrack.gateway.testing.BrokerProbe;
import dev.spinetrack.gateway.testing.SampleSubscriber;
import dev.spinetrack.gateway.testing.ScriptedPeripheral;
import dev.spinetrack.testing.TestBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The broker goes away for 10 s mid-stream and comes back: not one sample is lost. Uses a
 * broker of its own (see {@link Brokers#restartable}), since a shared one cannot be stopped.
 */
class BrokerOutageIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int FRAMES = 3600;

    @TempDir
    Path dir;

    @Test
    void aTenSecondBrokerOutageMidStreamLosesNoSample() throws Exception {
        String gw = ItSupport.uniqueGateway("it-outage");
        ScriptedPeripheral rack = new ScriptedPeripheral("C0:FF:EE:00:00:42", "outage-rack", -40, 0, FRAMES, 2, 10);
        String device = "c0ffee000042";
        try (TestBroker broker = Brokers.restartable(dir.resolve("broker"));
             SampleSubscriber sub = new SampleSubscriber(broker.url(), gw);
             Gateway g = Gateway.start(ItSupport.config(gw, broker.url(), dir.resolve("queue")),
                     new SimulatedCentral(() -> List.of(rack), () -> { }))) {
            Await.until(WAIT, () -> sub.samples(device).size() >= 300, () -> sub.samples(device).size() + " samples");
            // the gateway's own ceiling is 1,000; HiveMQ allows 10 and Mosquitto 20 by default
            assertEquals(Math.min(1000, BrokerProbe.receiveMaximum(broker.url())), g.mqttInFlightLimit(),
                    "as many publications in flight as the broker's CONNACK allows");

            long outageStart = System.nanoTime();
            broker.stop();
            System.out.println("broker stop took " + (System.nanoTime() - outageStart) / 1_000_000 + " ms");
            long maxDepth = 0;
            while (System.nanoTime() - outageStart < Duration.ofSeconds(10).toNanos()) {
                maxDepth = Math.max(maxDepth, g.stats().queueDepth());
                Thread.sleep(100);
            }
            long inDuringOutage = g.stats().samplesIn();
            long restart = System.nanoTime();
            broker.start();
            System.out.println("broker start took " + (System.nanoTime() - restart) / 1_000_000 + " ms");

            Await.until(WAIT, () -> rack.finished() && sub.samples(device).size() == FRAMES,
                    () -> sub.samples(device).size() + " of " + FRAMES + "; " + g.stats());
            Await.until(WAIT, () -> g.stats().queueDepth() == 0, () -> g.stats().toString());
            GatewayStats s = g.stats();
            assertTrue(maxDepth > 10, "batches piled up in the queue during the outage: " + maxDepth);
            assertTrue(inDuringOutage < FRAMES, "the stream was still running when the broker came back");
            assertEquals(0L, sub.samples(device).firstKey());
            assertEquals(FRAMES - 1L, sub.samples(device).lastKey());
            assertEquals(FRAMES, s.samplesIn());
            assertEquals(FRAMES, s.samplesOut());
            assertEquals(0, s.gaps());
            assertEquals(List.of(), sub.problems());
            assertEquals(Math.min(1000, BrokerProbe.receiveMaximum(broker.url())), g.mqttInFlightLimit(),
                    "the limit of the broker that came back (a reconnect)");
        }
    }
}
