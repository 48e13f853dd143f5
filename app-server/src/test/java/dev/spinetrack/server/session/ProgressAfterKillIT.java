package dev.spinetrack.server.session;

import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.protocol.mqtt.SampleBatch;
import dev.spinetrack.server.testing.ScenarioSamples;
import dev.spinetrack.server.testing.TestDatabase;
import dev.spinetrack.server.testing.TestServer;
import dev.spinetrack.server.testing.TruthAssert;
import dev.spinetrack.testing.TestBroker;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A server process on an embedded H2, killed with kill -9 while its tracking progress is
 * stored far behind its stored samples (see {@link DeviceTracks#progressDue}): the next server
 * on the same files tracks the samples past the stored progress again, so the devices that go
 * on streaming and those that never send again both end with the ground truth's figures.
 */
class ProgressAfterKillIT {

    private static final String USER = TestServer.DEFAULT_USER;

    /** The scenario's batches as the gateway sends them at 100 Hz: two samples each. */
    static List<SampleBatch> batches(String gateway, ScenarioSamples.DeviceRun run) {
        List<SampleBatch> out = new ArrayList<>();
        for (List<Sample> part : ScenarioSamples.batches(run.samples(), 2)) {
            out.add(SampleBatch.of(gateway, run.info().device(), out.size(), 0, part));
        }
        return out;
    }

    /** Batches stored before the kill: half of an even device's, all of an odd one's. */
    static int fedBeforeKill(int device, int batches) {
        return device % 2 == 0 ? batches / 2 : batches;
    }

    @Test
    void killedWithProgressUnsavedTheNextServerEndsWithTheTruth() throws Exception {
        String gateway = "it-kill-" + UUID.randomUUID().toString().substring(0, 8);
        Path dir = Files.createTempDirectory("spinetrack-it-kill");
        Path outFile = dir.resolve("fed.properties");
        Path log = dir.resolve("child.log");
        try (TestBroker broker = TestBroker.shared()) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-cp", System.getProperty("java.class.path"), ProgressKillChild.class.getName(),
                    broker.url(), gateway, dir.toString(), outFile.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Properties fed = new Properties();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
                while (!Files.exists(outFile)) {
                    if (!child.isAlive() || System.nanoTime() > deadline) {
                        fail("the server to kill did not get ready; its log:\n" + tail(log));
                    }
                    Thread.sleep(100);
                }
                try (Reader r = Files.newBufferedReader(outFile)) {
                    fed.load(r);
                }
            } finally {
                child.destroyForcibly(); // SIGKILL: no shutdown hook stores anything
                child.waitFor(30, TimeUnit.SECONDS);
            }

            List<ScenarioSamples.DeviceRun> runs = ScenarioSamples.play("studio", gateway);
            for (ScenarioSamples.DeviceRun run : runs) {
                String device = run.info().device();
                assertTrue(Long.parseLong(fed.getProperty(device + ".stored"))
                                < Long.parseLong(fed.getProperty(device + ".fed")),
                        device + ": the killed server had stored its progress behind the samples it stored");
            }
            try (EmbeddedServer server = TestServer.start(TestServer.properties(broker.url(), TestDatabase.h2(dir),
                    gateway, gateway + "-server"))) {
                SampleProcessor processor = server.getApplicationContext().getBean(SampleProcessor.class);
                SessionService sessions = server.getApplicationContext().getBean(SessionService.class);
                // the odd devices never send again: the server catches them up on its own
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                for (int d = 1; d < runs.size(); d += 2) {
                    String device = runs.get(d).info().device();
                    long last = Long.parseLong(fed.getProperty(device + ".fed"));
                    while (sessions.device(USER, device).processedSeq() < last && System.nanoTime() < deadline) {
                        Thread.sleep(50);
                    }
                    assertEquals(last, sessions.device(USER, device).processedSeq(),
                            device + ": stored progress caught up without new samples");
                }
                for (int d = 0; d < runs.size(); d++) {
                    List<SampleBatch> all = batches(gateway, runs.get(d));
                    for (SampleBatch b : all.subList(fedBeforeKill(d, all.size()), all.size())) {
                        processor.onSamples(b);
                    }
                }
                for (ScenarioSamples.DeviceRun run : runs) {
                    String device = run.info().device();
                    long session = Long.parseLong(fed.getProperty(device + ".session"));
                    TruthAssert.sessionMatches(sessions, USER, session, run, "after kill -9 " + device);
                }
            }
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (java.io.IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
