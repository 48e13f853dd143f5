package dev.spinetrack.server.bench;

import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.server.ingest.IngestCounters;
import dev.spinetrack.server.testing.IngestRig;
import dev.spinetrack.server.testing.ScenarioSamples;
import dev.spinetrack.server.testing.TestPublisher;
import dev.spinetrack.testing.TestBroker;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a late batch costs the server against one in order, in a session of a given length: one
 * 100 Hz rack streams {@code minutes} of contact (one open session); {@code late} 2-sample slices
 * spread over its last fifth are held back while the rest is stored in 500-sample batches, then
 * sent as 2-sample batches (each below what the device tracked: the session is derived again from
 * storage), and as many 2-sample batches after the end follow in order. Prints the time per batch
 * of both. Embedded server on H2 and the test broker (the machine's Mosquitto with
 * {@code -Dspinetrack.it.mqtt}, PostgreSQL with {@code -Dspinetrack.it.jdbc}), as the ITs use.
 *
 * <pre>java -cp $CP dev.spinetrack.server.bench.LateBatchBenchmark [minutes=10] [late=300]</pre>
 */
public final class LateBatchBenchmark {

    private LateBatchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int minutes = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int late = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        try (TestBroker broker = TestBroker.shared(); IngestRig rig = IngestRig.start(broker, "bench-late")) {
            TestPublisher publisher = rig.publisher();
            IngestCounters counters = rig.counters();
            ScenarioSamples.DeviceRun run = ScenarioSamples.play("load:1x100x" + (minutes * 60) + "s",
                    publisher.gateway()).get(0);
            String device = run.info().device();
            List<Sample> all = run.samples();
            int tail = late * 2;
            List<Sample> body = all.subList(0, all.size() - tail);
            List<Sample> after = all.subList(all.size() - tail, all.size());
            Set<Integer> held = new HashSet<>();
            int from = body.size() * 4 / 5;
            int step = Math.max(3, (body.size() - from) / late);
            List<List<Sample>> lateBatches = new ArrayList<>();
            for (int i = from; lateBatches.size() < late && i + 1 < body.size(); i += step) {
                lateBatches.add(body.subList(i, i + 2));
                held.add(i);
                held.add(i + 1);
            }
            List<Sample> first = new ArrayList<>();
            for (int i = 0; i < body.size(); i++) {
                if (!held.contains(i)) {
                    first.add(body.get(i));
                }
            }
            publisher.info(run.info());
            for (List<Sample> b : ScenarioSamples.batches(first, 500)) {
                publisher.batch(device, b);
            }
            await(counters, first.size());
            System.out.printf("one rack at 100 Hz, %d min (%,d samples stored, one open session), %d late batches "
                    + "of 2 samples in its last fifth%n", minutes, first.size(), lateBatches.size());
            long t0 = System.nanoTime();
            for (List<Sample> b : lateBatches) {
                publisher.batch(device, b);
            }
            await(counters, first.size() + 2L * lateBatches.size());
            long lateNanos = System.nanoTime() - t0;
            long t1 = System.nanoTime();
            List<List<Sample>> inOrder = ScenarioSamples.batches(after, 2);
            for (List<Sample> b : inOrder) {
                publisher.batch(device, b);
            }
            await(counters, first.size() + 2L * lateBatches.size() + after.size());
            long inOrderNanos = System.nanoTime() - t1;
            double lateMs = lateNanos / 1e6 / lateBatches.size();
            double inOrderMs = inOrderNanos / 1e6 / inOrder.size();
            System.out.printf("late: %.2f ms per batch; in order: %.3f ms per batch; ratio %.0f%n", lateMs,
                    inOrderMs, lateMs / inOrderMs);
        }
    }

    private static void await(IngestCounters counters, long stored) throws InterruptedException {
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (counters.storedSamples() < stored) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("stored " + counters.storedSamples() + " of " + stored);
            }
            Thread.sleep(5);
        }
    }
}
