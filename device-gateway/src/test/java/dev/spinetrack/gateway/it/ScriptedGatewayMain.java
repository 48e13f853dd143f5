package dev.spinetrack.gateway.it;

import dev.spinetrack.gateway.Gateway;
import dev.spinetrack.gateway.GatewayStats;
import dev.spinetrack.gateway.ble.sim.SimulatedCentral;
import dev.spinetrack.gateway.testing.ScriptedPeripheral;

import java.nio.file.Path;
import java.util.List;

/**
 * A gateway process for {@link GatewayKillIT}: one scripted rack, the real pipeline, and a
 * {@code STATS samplesIn queueDepth samplesOut} line on stdout every 50 ms. Exits 0 once the
 * rack has sent everything and the queue is empty.
 * Arguments: brokerUrl queueDir gatewayId firstSeq frameCount.
 */
public final class ScriptedGatewayMain {

    static final String ADDRESS = "C0:FF:EE:00:00:99";

    private ScriptedGatewayMain() {
    }

    public static void main(String[] args) throws Exception {
        ScriptedPeripheral rack = new ScriptedPeripheral(ADDRESS, "kill-rack", -40, Long.parseLong(args[3]),
                Long.parseLong(args[4]), 2, 5);
        Gateway g = Gateway.start(ItSupport.config(args[2], args[0], Path.of(args[1])),
                new SimulatedCentral(() -> List.of(rack), () -> { }));
        long finishedAt = 0;
        while (true) {
            GatewayStats s = g.stats();
            System.out.println("STATS " + s.samplesIn() + " " + s.queueDepth() + " " + s.samplesOut());
            System.out.flush();
            if (rack.finished() && finishedAt == 0) {
                finishedAt = System.nanoTime();
            }
            // samplesOut also counts what an earlier process left queued, so it says nothing about
            // this run's last open batch: give the batcher many batch windows to seal it into the
            // queue, then wait for the queue to empty (no deadline: the test has its own)
            boolean lastBatchSealed = finishedAt != 0 && System.nanoTime() - finishedAt > 1_000_000_000L;
            if (lastBatchSealed && s.queueDepth() == 0 && s.samplesIn() > 0) {
                break;
            }
            Thread.sleep(50);
        }
        g.close();
        System.exit(0);
    }
}
