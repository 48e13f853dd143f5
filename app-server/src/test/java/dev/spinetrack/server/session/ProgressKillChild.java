package dev.spinetrack.server.session;

import dev.spinetrack.protocol.mqtt.SampleBatch;
import dev.spinetrack.server.testing.ScenarioSamples;
import dev.spinetrack.server.testing.TestDatabase;
import dev.spinetrack.server.testing.TestServer;
import io.micronaut.runtime.server.EmbeddedServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The server {@link ProgressAfterKillIT} kills: on an H2 file that only it writes, with progress
 * stored only when sessions change, it starts a session on every device of the studio scenario,
 * stores the first half of the even devices' samples and all of the odd devices', writes what it
 * fed and what storage says was tracked to {@code outFile}, and waits to be killed.
 * <pre>
 * ProgressKillChild brokerUrl gateway h2Dir outFile
 * </pre>
 */
public final class ProgressKillChild {

    private ProgressKillChild() {
    }

    public static void main(String[] args) throws Exception {
        String gateway = args[1];
        Map<String, Object> props = TestServer.properties(args[0], TestDatabase.h2(Path.of(args[2])), gateway,
                gateway + "-server");
        props.put("spinetrack.tracking.progress-interval-ms", 3_600_000);
        EmbeddedServer server = TestServer.start(props);
        SampleProcessor processor = server.getApplicationContext().getBean(SampleProcessor.class);
        SessionService sessions = server.getApplicationContext().getBean(SessionService.class);
        StringBuilder out = new StringBuilder();
        List<ScenarioSamples.DeviceRun> runs = ScenarioSamples.play("studio", gateway);
        for (int d = 0; d < runs.size(); d++) {
            ScenarioSamples.DeviceRun run = runs.get(d);
            String device = run.info().device();
            processor.onInfo(run.info());
            long session = sessions.start(TestServer.DEFAULT_USER, device).id();
            List<SampleBatch> batches = ProgressAfterKillIT.batches(gateway, run);
            int upTo = ProgressAfterKillIT.fedBeforeKill(d, batches.size());
            for (SampleBatch b : batches.subList(0, upTo)) {
                processor.onSamples(b);
            }
            long fed = batches.get(upTo - 1).samples().get(batches.get(upTo - 1).samples().size() - 1).seq();
            out.append(device).append(".session=").append(session).append('\n')
                    .append(device).append(".fed=").append(fed).append('\n')
                    .append(device).append(".stored=")
                    .append(sessions.device(TestServer.DEFAULT_USER, device).processedSeq()).append('\n');
        }
        Thread.sleep(2_000); // H2 writes its store in the background about every second
        Path tmp = Path.of(args[3] + ".tmp");
        Files.writeString(tmp, out.toString());
        Files.move(tmp, Path.of(args[3]));
        Thread.sleep(Long.MAX_VALUE);
    }
}
