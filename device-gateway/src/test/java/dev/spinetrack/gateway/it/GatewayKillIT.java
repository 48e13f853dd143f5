package dev.spinetrack.gateway.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spinetrack.gateway.queue.DurableQueue;
import dev.spinetrack.gateway.queue.FsyncPolicy;
import dev.spinetrack.gateway.queue.QueuedMessage;
import dev.spinetrack.testing.Await;
import dev.spinetrack.testing.Brokers;
import dev.spinetrack.gateway.testing.SampleSubscriber;
import dev.spinetrack.testing.TestBroker;
import dev.spinetrack.protocol.mqtt.DeviceState;
import dev.spinetrack.protocol.mqtt.GatewayStatus;
import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.protocol.mqtt.SampleBatch;
import dev.spinetrack.protocol.mqtt.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kill -9 of the gateway process mid-stream: the batches in its durable queue are delivered
 * by the next process on the same queue directory.
 *
 * <p>The first gateway runs against a port where no broker listens, so whatever it sealed can
 * only be in its queue when it is killed; the test reads that queue (seqs 0..M, contiguous),
 * then a second gateway on the same directory and a real broker must deliver every one of
 * them, before its own new samples.
 */
class GatewayKillIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void batchesQueuedBeforeAKill9AreDeliveredAfterRestart() throws Exception {
        String gw = ItSupport.uniqueGateway("it-kill");
        Path queueDir = dir.resolve("queue");
        String device = Topics.deviceIdOf(ScriptedGatewayMain.ADDRESS);
        String deadBroker = "tcp://127.0.0.1:" + Brokers.freePort();

        Process first = gateway(deadBroker, queueDir, gw, 0, 1_000_000);
        try {
            AtomicLong depth = new AtomicLong();
            AtomicLong in = new AtomicLong();
            follow(first, in, depth);
            Await.until(WAIT, () -> in.get() >= 400 && depth.get() >= 5, () -> in + " in, " + depth + " queued");
        } finally {
            first.destroyForcibly(); // SIGKILL: no shutdown hook, no flush, no clean close
            assertTrue(first.waitFor(30, TimeUnit.SECONDS));
        }

        List<Long> queued = queuedSeqs(queueDir);
        long m = queued.get(queued.size() - 1);
        for (int i = 0; i < queued.size(); i++) {
            assertEquals(i, queued.get(i), "the queue holds seqs 0..M without a hole");
        }

        try (TestBroker broker = Brokers.shared(dir.resolve("broker"));
             SampleSubscriber sub = new SampleSubscriber(broker.url(), gw)) {
            Process second = gateway(broker.url(), queueDir, gw, 5_000_000, 200);
            try {
                follow(second, new AtomicLong(), new AtomicLong());
                Await.until(WAIT, () -> sub.samples(device).headMap(m, true).size() == m + 1
                        && sub.samples(device).tailMap(5_000_000L).size() == 200,
                        () -> sub.samples(device).size() + " samples, want 0.." + m + " and 200 new");
                assertTrue(second.waitFor(60, TimeUnit.SECONDS), "second gateway drains and exits");
                assertEquals(0, second.exitValue());
            } finally {
                second.destroyForcibly();
            }
            NavigableMap<Long, Sample> got = sub.samples(device);
            assertEquals(List.of(), sub.problems(), "queued batches come before the new ones, in order");
            assertEquals(m + 1 + 200, sub.samples(device).headMap(m, true).size() + got.tailMap(5_000_000L).size());
        }
    }

    @Test
    void aKilledGatewayIsMarkedLostByItsWill() throws Exception {
        String gw = ItSupport.uniqueGateway("it-will");
        try (TestBroker broker = Brokers.shared(dir.resolve("broker"));
             SampleSubscriber sub = new SampleSubscriber(broker.url(), gw)) {
            Process p = gateway(broker.url(), dir.resolve("queue"), gw, 0, 1_000_000);
            try {
                follow(p, new AtomicLong(), new AtomicLong());
                Await.until(WAIT, () -> state(sub, gw) == DeviceState.ONLINE && sub.total() > 0,
                        () -> String.valueOf(sub.last(Topics.gatewayStatus(gw))));
            } finally {
                p.destroyForcibly();
                assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            }
            Await.until(WAIT, () -> state(sub, gw) == DeviceState.LOST, () -> sub.last(Topics.gatewayStatus(gw)));
            assertEquals(GatewayStatus.lost(gw), sub.gatewayStatus(Topics.gatewayStatus(gw)), "the will's payload");
        }
    }

    private static DeviceState state(SampleSubscriber sub, String gw) {
        try {
            GatewayStatus s = sub.gatewayStatus(Topics.gatewayStatus(gw));
            return s == null ? null : s.state();
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static List<Long> queuedSeqs(Path queueDir) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<Long> seqs = new ArrayList<>();
        try (DurableQueue q = DurableQueue.open(queueDir, 64L * 1024 * 1024, 16L * 1024 * 1024, FsyncPolicy.NEVER)) {
            assertTrue(q.depth() > 0, "the killed gateway left batches in its queue");
            for (long i = q.head(); i < q.tail(); i++) {
                QueuedMessage msg = q.take(i, Duration.ZERO);
                for (Sample s : json.readValue(msg.payload(), SampleBatch.class).samples()) {
                    seqs.add(s.seq());
                }
            }
        }
        return seqs;
    }

    private static Process gateway(String broker, Path queueDir, String gw, long firstSeq, long count)
            throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ScriptedGatewayMain.class.getName(), broker, queueDir.toString(), gw, Long.toString(firstSeq),
                Long.toString(count)).redirectErrorStream(true).start();
    }

    /** Reads the child's STATS lines in the background (and keeps its pipe from filling up). */
    private static void follow(Process p, AtomicLong in, AtomicLong depth) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("STATS ")) {
                        String[] f = line.split(" ");
                        in.set(Long.parseLong(f[1]));
                        depth.set(Long.parseLong(f[2]));
                    } else {
                        System.out.println("[child] " + line);
                    }
                }
            } catch (java.io.IOException e) {
                // the child was killed
            }
        }, "child-output");
        t.setDaemon(true);
        t.start();
    }
}
