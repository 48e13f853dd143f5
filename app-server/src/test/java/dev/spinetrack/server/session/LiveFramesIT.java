package dev.spinetrack.server.session;

import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.protocol.mqtt.SampleBatch;
import dev.spinetrack.protocol.mqtt.SamplePosition;
import dev.spinetrack.server.live.LiveFeed;
import dev.spinetrack.server.live.LiveFrame;
import dev.spinetrack.server.testing.ScenarioSamples;
import dev.spinetrack.server.testing.TestDatabase;
import dev.spinetrack.server.testing.TestServer;
import dev.spinetrack.testing.TestBroker;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live frames the ingest path derives from what arrives: the frame of a batch shows its
 * newest sample (the gateway batched the samples over its batching time; the screen should show
 * the freshest), and a backlog arriving at once still gives one frame per 50 ms of device time.
 */
class LiveFramesIT {

    @Test
    void aBatchsFrameShowsItsNewestSampleAndABacklogKeepsTheFrameRate() throws Exception {
        String gateway = "it-frames-" + UUID.randomUUID().toString().substring(0, 8);
        try (TestBroker broker = TestBroker.shared(); TestDatabase db = TestDatabase.create();
             EmbeddedServer server = TestServer.start(TestServer.properties(broker.url(), db, gateway,
                     gateway + "-server"))) {
            SampleProcessor processor = server.getApplicationContext().getBean(SampleProcessor.class);
            LiveFeed feed = server.getApplicationContext().getBean(LiveFeed.class);
            ScenarioSamples.DeviceRun run = ScenarioSamples.play("studio", gateway).get(0);
            String device = run.info().device();
            processor.onInfo(run.info());
            List<LiveFrame> frames = new CopyOnWriteArrayList<>();
            feed.subscribeDevice(device, m -> {
                if (m.message() instanceof LiveFrame f) {
                    frames.add(f);
                }
            });
            List<Sample> all = run.samples();
            long intervalMs = all.get(1).t() - all.get(0).t();
            assertTrue(intervalMs > 0 && intervalMs <= 25, "a stream of at least 40 Hz: " + intervalMs + " ms");

            // the first batch: two samples, a frame is due at the first; it shows the second
            processor.onSamples(List.of(SampleBatch.of(gateway, device, 0, 0, all.subList(0, 2))));
            awaitFrames(frames, 1);
            assertEquals(all.get(1).seq(), SamplePosition.seq(frames.get(0).seq()), "the batch's newest sample");

            // a backlog: 2 s of samples in one batch
            int backlog = (int) (2000 / intervalMs);
            List<Sample> late = all.subList(2, 2 + backlog);
            processor.onSamples(List.of(SampleBatch.of(gateway, device, 0, 1, late)));
            long span = late.get(late.size() - 1).t() - all.get(1).t();
            // one frame per 50 ms, each at the first sample due: gaps of 50 ms up to one sample
            // interval more; the last of the batch moved to its newest sample (under 50 ms later)
            awaitFrames(frames, 1 + (int) (span / (LiveFeed.MIN_FRAME_INTERVAL_MS + intervalMs)));
            Thread.sleep(500); // the rest of them, if any
            List<LiveFrame> backlogFrames = frames.subList(1, frames.size());
            assertTrue(backlogFrames.size() <= span / LiveFeed.MIN_FRAME_INTERVAL_MS, "at most one per 50 ms: "
                    + times(frames));
            long previous = frames.get(0).t();
            for (int i = 0; i < backlogFrames.size(); i++) {
                long gap = backlogFrames.get(i).t() - previous;
                long most = i < backlogFrames.size() - 1 ? LiveFeed.MIN_FRAME_INTERVAL_MS + intervalMs
                        : 2 * LiveFeed.MIN_FRAME_INTERVAL_MS + intervalMs;
                assertTrue(gap >= LiveFeed.MIN_FRAME_INTERVAL_MS && gap <= most, "gap " + gap + " at frame " + i
                        + ": " + times(frames));
                previous = backlogFrames.get(i).t();
            }
            assertEquals(late.get(late.size() - 1).seq(), SamplePosition.seq(frames.get(frames.size() - 1).seq()),
                    "the last frame of the backlog shows its newest sample");
        }
    }

    private static List<Long> times(List<LiveFrame> frames) {
        return frames.stream().map(LiveFrame::t).toList();
    }

    private static void awaitFrames(List<LiveFrame> frames, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (frames.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(frames.size() >= n, "expected " + n + " frames, got " + times(frames));
    }
}
