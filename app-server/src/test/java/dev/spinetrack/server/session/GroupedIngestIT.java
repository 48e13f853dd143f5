package dev.spinetrack.server.session;

import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.protocol.mqtt.SampleBatch;
import dev.spinetrack.server.testing.ScenarioSamples;
import dev.spinetrack.testing.TestBroker;
import dev.spinetrack.server.testing.TestDatabase;
import dev.spinetrack.server.testing.TestServer;
import dev.spinetrack.server.testing.TruthAssert;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Batches of several devices stored in one transaction (what the ingest worker does under
 * load), with late and repeated batches inside and across groups, end with the totals of
 * the ground truth, as batches stored one by one do.
 */
class GroupedIngestIT {

    @Test
    void groupsOfSeveralDevicesWithLateAndRepeatedBatchesMatchGroundTruth() {
        String gateway = "it-group-" + UUID.randomUUID().toString().substring(0, 8);
        try (TestBroker broker = TestBroker.shared(); TestDatabase db = TestDatabase.create();
             EmbeddedServer server = TestServer.start(TestServer.properties(broker.url(), db, gateway,
                     gateway + "-server"))) {
            SampleProcessor processor = server.getApplicationContext().getBean(SampleProcessor.class);
            SessionService sessions = server.getApplicationContext().getBean(SessionService.class);
            List<ScenarioSamples.DeviceRun> runs = ScenarioSamples.play("studio", gateway);
            List<Long> ids = new ArrayList<>();
            List<List<SampleBatch>> perDevice = new ArrayList<>();
            long total = 0;
            for (ScenarioSamples.DeviceRun run : runs) {
                processor.onInfo(run.info());
                ids.add(sessions.start("demo", run.info().device()).id());
                List<SampleBatch> batches = new ArrayList<>();
                for (List<Sample> part : ScenarioSamples.batches(run.samples(), 200)) {
                    batches.add(SampleBatch.of(gateway, run.info().device(), batches.size(), 0, part));
                }
                // neighbours swap places: the later one of each pair arrives late
                for (int i = 0; i + 1 < batches.size(); i += 2) {
                    Collections.swap(batches, i, i + 1);
                }
                perDevice.add(batches);
                total += run.samples().size();
            }
            // the devices' batches interleaved; every fifth one repeated at once (same group)
            List<SampleBatch> stream = new ArrayList<>();
            long repeated = 0;
            for (int i = 0; ; i++) {
                boolean any = false;
                for (List<SampleBatch> batches : perDevice) {
                    if (i < batches.size()) {
                        any = true;
                        stream.add(batches.get(i));
                        if (i % 5 == 0) {
                            stream.add(batches.get(i));
                            repeated += batches.get(i).samples().size();
                        }
                    }
                }
                if (!any) {
                    break;
                }
            }
            long stored = 0;
            long duplicates = 0;
            for (int from = 0; from < stream.size(); from += 7) {
                for (IngestOutcome o : processor.onSamples(stream.subList(from, Math.min(stream.size(), from + 7)))) {
                    stored += o.stored();
                    duplicates += o.duplicates();
                }
            }
            assertEquals(total, stored, "every sample stored once");
            assertEquals(repeated, duplicates, "repeats dropped");
            for (int i = 0; i < runs.size(); i++) {
                ScenarioSamples.DeviceRun run = runs.get(i);
                TruthAssert.sessionMatches(sessions, "demo", ids.get(i), run, "grouped studio " + run.info().device());
            }
        }
    }
}
