package dev.spinetrack.server.session;

import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.server.ingest.IngestCounters;
import dev.spinetrack.server.storage.SessionRow;
import dev.spinetrack.server.testing.ScenarioSamples;
import dev.spinetrack.server.testing.IngestRig;
import dev.spinetrack.testing.Await;
import dev.spinetrack.testing.TestBroker;
import dev.spinetrack.server.testing.TestPublisher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Silence is decided by the data, not by when it arrives (issue "End-to-end delivery", item 4):
 * a session the wall-clock sweep closed while its device was only delayed resumes when the
 * delayed data arrives, and a gap in device time past the idle timeout ends a session even when
 * no sweep ran; batches out of order give the sessions of the same batches in order. The first
 * and last cases are compared with the same samples fed to a fresh server without
 * the disturbance. Real broker over TCP, real database.
 */
class SilenceByDataIT {

    private static final Duration LIMIT = Duration.ofSeconds(120);
    private static TestBroker broker;
    private IngestRig rig;
    private TestPublisher publisher;
    private IngestCounters counters;
    private SessionService sessions;

    @BeforeAll
    static void startBroker() {
        broker = TestBroker.shared();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @BeforeEach
    void startServer() {
        rig = IngestRig.start(broker, "it-silence");
        take();
    }

    private void take() {
        publisher = rig.publisher();
        counters = rig.counters();
        sessions = rig.sessions();
    }

    @AfterEach
    void stopServer() {
        rig.close();
    }

    @Test
    void aSessionTheSweepClosedResumesWhenTheDelayedDataArrives() {
        List<ScenarioSamples.DeviceRun> runs = ScenarioSamples.play("studio", publisher.gateway());
        ScenarioSamples.DeviceRun delayed = runs.get(0);
        String device = delayed.info().device();
        List<Sample> all = delayed.samples();
        publisher.info(delayed.info());
        List<Sample> part = all.subList(0, all.size() / 2);
        send(device, part);
        Await.until("half the samples stored", LIMIT, () -> counters.storedSamples() == part.size());
        SessionRow open = sessions.openSession(device).orElseThrow();
        // the gateway is cut off from the broker longer than the idle timeout: the sweep closes
        assertEquals(1, sessions.closeSilent(System.currentTimeMillis() + 61_000), "silent past the idle timeout");
        assertEquals("silent", sessions.session("demo", open.id()).session().endReason());

        send(device, all.subList(part.size(), all.size()));
        Await.until("the delayed half stored", LIMIT, () -> counters.storedSamples() == all.size());
        SessionRow resumed = sessions.session("demo", open.id()).session();
        assertTrue(resumed.endReason() == null || !resumed.endReason().equals("silent"),
                "the delayed data resumed the session, end reason now " + resumed.endReason());
        List<String> disturbed = shapes(device);
        assertEquals(undisturbedSessions(delayed), disturbed,
                "the same sessions as the same samples sent without the outage");
    }

    @Test
    void aGapInDeviceTimePastTheIdleTimeoutEndsTheSessionWithoutASweep() {
        ScenarioSamples.DeviceRun run = ScenarioSamples.play("studio", publisher.gateway()).get(0);
        String device = run.info().device();
        List<Sample> all = run.samples();
        int cut = all.size() / 2;
        List<Sample> shifted = new ArrayList<>(all.subList(0, cut));
        for (Sample s : all.subList(cut, all.size())) {
            // the device was off the air for two minutes of its own time
            shifted.add(new Sample(s.seq(), s.t() + 120_000, s.pitch(), s.roll(), s.p(), s.battery()));
        }
        publisher.info(run.info());
        send(device, shifted);
        Await.until("all samples stored", LIMIT, () -> counters.storedSamples() == shifted.size());
        List<SessionRow> list = sessions.sessions("demo", device, 20);
        SessionRow silent = list.stream().filter(s -> "silent".equals(s.endReason())).findFirst().orElseThrow(
                () -> new AssertionError("no session ended by the gap: " + list));
        Sample before = shifted.get(cut - 1);
        assertEquals(before.t(), silent.endedAt(), "ended at the last sample before the gap");
        assertTrue(list.stream().anyMatch(s -> s.fromSeq() >= shifted.get(cut).seq()),
                "the samples after the gap are in a later session: " + list);
        assertNull(list.stream().filter(s -> s.fromSeq() < shifted.get(cut).seq() && (s.toSeq() == null
                || s.toSeq() >= shifted.get(cut).seq())).findFirst().orElse(null), "no session spans the gap");
    }

    @Test
    void batchesArrivingOutOfOrderGiveTheSameSessionsAsInOrder() {
        ScenarioSamples.DeviceRun run = ScenarioSamples.play("studio", publisher.gateway()).get(0);
        String device = run.info().device();
        List<List<Sample>> batches = new ArrayList<>(ScenarioSamples.batches(run.samples(), 100));
        // every pair of neighbours swapped: each session's first contact arrives after later samples
        for (int i = 0; i + 1 < batches.size(); i += 2) {
            java.util.Collections.swap(batches, i, i + 1);
        }
        publisher.info(run.info());
        for (List<Sample> b : batches) {
            publisher.batch(device, b);
        }
        Await.until("all samples stored", LIMIT, () -> counters.storedSamples() == run.samples().size());
        List<String> swapped = shapes(device);
        assertEquals(undisturbedSessions(run), swapped, "the same sessions as in order");
    }

    @Test
    void aHoleLongerThanTheIdleTimeoutFilledLateGivesTheSessionsOfTheWholeRun() {
        ScenarioSamples.DeviceRun run = ScenarioSamples.play("studio", publisher.gateway()).get(0);
        String device = run.info().device();
        List<Sample> all = run.samples();
        // a broker that dropped 90 s of the device's batches: they come back after everything later
        int from = all.size() / 3;
        int to = from;
        while (to < all.size() && all.get(to).t() - all.get(from).t() < 90_000) {
            to++;
        }
        List<Sample> hole = all.subList(from, to);
        List<Sample> rest = new ArrayList<>(all.subList(0, from));
        rest.addAll(all.subList(to, all.size()));
        publisher.info(run.info());
        send(device, rest);
        Await.until("all but the hole stored", LIMIT, () -> counters.storedSamples() == rest.size());
        List<String> split = shapes(device);
        // and a shuffle of the hole's own batches: each one late to some other
        List<List<Sample>> holeBatches = new ArrayList<>(ScenarioSamples.batches(hole, 250));
        java.util.Collections.shuffle(holeBatches, new java.util.Random(7));
        for (List<Sample> b : holeBatches) {
            publisher.batch(device, b);
        }
        Await.until("all samples stored", LIMIT, () -> counters.storedSamples() == all.size());
        List<String> filled = shapes(device);
        List<String> undisturbed = undisturbedSessions(run);
        assertTrue(!split.equals(undisturbed), "the hole changed the sessions while it was open: " + split);
        assertEquals(undisturbed, filled, "the same sessions as the whole run in order");
    }

    @Test
    void batchesHeldBackAtRandomGiveEveryDeviceTheSessionsOfItsRunInOrder() {
        // every studio device: runs of its batches held back (a broker's dropped queue), shuffled, sent
        // later than up to 100 of its own batches after them
        List<ScenarioSamples.DeviceRun> runs = ScenarioSamples.play("studio", publisher.gateway());
        java.util.Random random = new java.util.Random(12);
        List<String> devices = new ArrayList<>();
        List<Sample[]> order = new ArrayList<>();
        List<String> orderDevice = new ArrayList<>();
        java.util.TreeMap<Double, Integer> schedule = new java.util.TreeMap<>();
        int total = 0;
        for (ScenarioSamples.DeviceRun run : runs) {
            devices.add(run.info().device());
            publisher.info(run.info());
            List<List<Sample>> batches = ScenarioSamples.batches(run.samples(), 50);
            int heldUntil = -1;
            int delay = 0;
            for (int i = 0; i < batches.size(); i++) {
                if (i > heldUntil && random.nextInt(30) == 0) {
                    int length = 20 + random.nextInt(120); // 20-140 s of a 50 Hz rack: often past the idle timeout
                    heldUntil = i + length;
                    delay = length + random.nextInt(100);
                }
                double at = i + (i <= heldUntil ? delay + random.nextDouble() * 20 : random.nextDouble() * 0.1);
                while (schedule.containsKey(at)) {
                    at += 1e-6;
                }
                schedule.put(at, order.size());
                order.add(batches.get(i).toArray(new Sample[0]));
                orderDevice.add(run.info().device());
            }
            total += run.samples().size();
        }
        for (int i : schedule.values()) {
            publisher.batch(orderDevice.get(i), List.of(order.get(i)));
        }
        int all = total;
        Await.until("all samples stored", LIMIT, () -> counters.storedSamples() == all);
        List<List<String>> disturbed = new ArrayList<>();
        for (String d : devices) {
            disturbed.add(shapes(d));
        }
        java.util.Map<String, List<String>> undisturbed = undisturbedSessions(runs);
        for (int i = 0; i < devices.size(); i++) {
            assertEquals(undisturbed.get(devices.get(i)), disturbed.get(i), "device " + devices.get(i)
                    + ": the same sessions as its samples in order");
        }
    }

    private void send(String device, List<Sample> samples) {
        for (List<Sample> b : ScenarioSamples.batches(samples, 250)) {
            publisher.batch(device, b);
        }
    }

    /** Sessions of the same samples fed in one go to a fresh server (no disturbance). */
    private List<String> undisturbedSessions(ScenarioSamples.DeviceRun run) {
        return undisturbedSessions(List.of(run)).get(run.info().device());
    }

    /** {@link #undisturbedSessions(ScenarioSamples.DeviceRun)} of several devices at once, by device. */
    private java.util.Map<String, List<String>> undisturbedSessions(List<ScenarioSamples.DeviceRun> runs) {
        rig.restart();
        take();
        long total = 0;
        for (ScenarioSamples.DeviceRun run : runs) {
            publisher.info(run.info());
            send(run.info().device(), run.samples());
            total += run.samples().size();
        }
        long all = total;
        Await.until("the undisturbed replay stored", LIMIT, () -> counters.storedSamples() == all);
        java.util.Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        for (ScenarioSamples.DeviceRun run : runs) {
            out.put(run.info().device(), shapes(run.info().device()));
        }
        return out;
    }

    /** What a session is, as figures that must not depend on arrival. */
    private List<String> shapes(String device) {
        List<String> out = new ArrayList<>();
        for (SessionRow s : sessions.sessions("demo", device, 50)) {
            out.add(s.fromSeq() + ".." + s.toSeq() + " " + s.endReason() + " samples=" + s.samples() + " contact="
                    + s.contactMs() + " regions=" + sessions.session("demo", s.id()).regions());
        }
        return out;
    }
}
