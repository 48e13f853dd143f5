package dev.spinetrack.simulator;

import dev.spinetrack.protocol.DecodeErrorKind;
import dev.spinetrack.protocol.gatt.PacketReassembler;
import dev.spinetrack.protocol.gatt.SampleFrame;
import dev.spinetrack.simulator.central.ReferenceCentral;
import dev.spinetrack.simulator.central.StreamStats;
import dev.spinetrack.simulator.truth.InjectedFault;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaultInjectionTest {

    private static final String BALL = TestScenarios.path("short-ball.yaml");

    private static Playback run(String faults, int mtu) {
        return Simulation.runToCompletion(new SimulationOptions(BALL, 3, 60, false, faults), mtu);
    }

    private static List<InjectedFault> faults(Playback p, String type) {
        return p.truth().faults().stream().filter(f -> f.type().equals(type)).toList();
    }

    @Test
    void droppedNotificationsShowAsSequenceGapsAtTheGivenRate() {
        Playback p = run("drop=5%", 23);
        StreamStats s = StreamStats.of(p.devices().get(0).notifications());
        long emitted = p.truth().devices().get(0).samples();

        // at MTU 23 a ball frame fills a packet alone, so one dropped packet is one missing seq
        assertEquals(faults(p, "DROP").size(), s.missing());
        assertEquals(emitted, s.frames() + s.missing());
        double rate = s.missing() / (double) emitted;
        assertTrue(rate > 0.04 && rate < 0.06, "drop rate " + rate);
        assertEquals(0, s.decodeErrors());
    }

    @Test
    void corruptedBytesSurfaceAsDecodeErrors() {
        Playback p = run("corrupt=2%", 23);
        PacketReassembler r = new PacketReassembler();
        long badVersion = 0;
        for (ReferenceCentral.Received n : p.devices().get(0).notifications()) {
            badVersion += r.accept(n.value()).errors().stream().filter(e -> e.kind() == DecodeErrorKind.BAD_VERSION).count();
        }
        assertEquals(faults(p, "CORRUPT").size(), badVersion);
        assertTrue(badVersion > 20, "2 % of ~2000 packets");
    }

    @Test
    void duplicatedNotificationsRepeatSequenceNumbers() {
        Playback p = run("duplicate=2%", 247);
        StreamStats s = StreamStats.of(p.devices().get(0).notifications());
        long duplicatedFrames = faults(p, "DUPLICATE").stream().mapToLong(f -> framesIn(f.detail())).sum();

        assertTrue(duplicatedFrames > 0);
        assertEquals(duplicatedFrames, s.duplicates());
        assertEquals(0, s.missing());
    }

    @Test
    void aDisconnectDropsTheLinkThenTheDeviceAdvertisesAgainAndSequenceNumbersContinue() {
        Playback p = run("disconnect=15s", 247);
        Playback.DeviceCapture d = p.devices().get(0);
        List<Playback.TimedFrame> frames = d.frames();

        assertEquals(1, d.disconnects().size());
        assertTrue(d.disconnects().get(0).contains("supervision timeout"), d.disconnects().get(0));
        assertEquals(1, faults(p, "DISCONNECT").size());
        for (int i = 1; i < frames.size(); i++) {
            assertEquals(frames.get(i - 1).frame().sequence() + 1, frames.get(i).frame().sequence());
        }
        long longest = 0;
        for (int i = 1; i < frames.size(); i++) {
            longest = Math.max(longest, frames.get(i).epochMs() - frames.get(i - 1).epochMs());
        }
        // the device waits READVERTISE_MS before advertising; the central reconnects within one event
        assertTrue(longest >= 2000 && longest <= 2100, "gap " + longest);
        assertEquals(longest, p.truth().devices().get(0).gapMs());
    }

    @Test
    void clockDriftStretchesDeviceTimestampsByTheGivenPpm() {
        Playback p = run("drift=2000ppm", 247);
        List<Playback.TimedFrame> frames = p.devices().get(0).frames();
        SampleFrame first = frames.get(0).frame();
        SampleFrame last = frames.get(frames.size() - 1).frame();
        long virtualSpan = (last.sequence() - first.sequence()) * 20; // 50 Hz
        long deviceSpan = last.timestampMs() - first.timestampMs();

        assertEquals(virtualSpan * 1.002, deviceSpan, 1.0);
        assertEquals(1, faults(p, "CLOCK_DRIFT").size());
    }

    @Test
    void lowBatteryShowsInTheFramesBatteryValues() {
        Playback p = run("low-battery=20s:4%", 247);
        List<Playback.TimedFrame> frames = p.devices().get(0).frames();
        long start = frames.get(0).epochMs();
        boolean sawLow = false;
        for (Playback.TimedFrame f : frames) {
            if (!f.frame().hasBattery()) {
                continue;
            }
            if (f.epochMs() - start < 19_900) {
                assertTrue(f.frame().battery() >= 79, "before the fault: " + f.frame());
            } else if (f.epochMs() - start > 20_100) {
                assertTrue(f.frame().battery() <= 4, "after the fault: " + f.frame());
                sawLow = true;
            }
        }
        assertTrue(sawLow);
        assertEquals(1, faults(p, "LOW_BATTERY").size());
    }

    @Test
    void aStallIsSilenceThenTheStreamResumesWithoutASequenceGap() {
        Playback p = run("stall=10s+3s", 247);
        List<Playback.TimedFrame> frames = p.devices().get(0).frames();
        StreamStats s = StreamStats.of(p.devices().get(0).notifications());
        long longest = 0;
        long at = 0;
        for (int i = 1; i < frames.size(); i++) {
            long gap = frames.get(i).epochMs() - frames.get(i - 1).epochMs();
            if (gap > longest) {
                longest = gap;
                at = frames.get(i - 1).epochMs() - frames.get(0).epochMs();
            }
        }
        assertEquals(0, s.missing());
        assertEquals(3020, longest, 20);
        assertEquals(10_000, at, 40);
        assertEquals(1, faults(p, "STALL").size());
        assertTrue(p.devices().get(0).disconnects().isEmpty());
    }

    @Test
    void scenarioFaultsAndFlagsCombineAndAreListedInTimeOrder() {
        Playback p = Simulation.runToCompletion(new SimulationOptions(BALL, 3, 60, false,
                "disconnect=random,stall=5s+1s"), 247);
        List<InjectedFault> all = p.truth().faults();
        assertEquals(2, all.size());
        assertTrue(all.get(0).atMs() <= all.get(1).atMs());
    }

    @Test
    void faultsWrittenInTheScenarioFileApplyToTheirDevice(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path file = dir.resolve("flaky.yaml");
        java.nio.file.Files.writeString(file, """
                name: flaky
                devices:
                  - kind: BALL
                    script: [{do: roll, region: MID_THORACIC_LEFT, seconds: 10}]
                  - kind: RACK
                    script: [{do: lie, level: T8, seconds: 10}]
                faults:
                  - {type: stall, device: 1, at: 4, seconds: 2}
                  - {type: drop, device: 0, percent: 10}
                """);
        Playback p = Simulation.runToCompletion(new SimulationOptions(file.toString(), 1, 60, false, ""), 247);
        String ball = p.devices().get(0).deviceId();
        String rack = p.devices().get(1).deviceId();

        assertTrue(p.truth().faults().stream().filter(f -> f.type().equals("DROP")).allMatch(f -> f.device().equals(ball)));
        assertEquals(List.of(rack), p.truth().faults().stream().filter(f -> f.type().equals("STALL"))
                .map(InjectedFault::device).toList());
        assertTrue(StreamStats.of(p.devices().get(0).notifications()).missing() > 0);
        assertEquals(0, StreamStats.of(p.devices().get(1).notifications()).missing());
        assertEquals(2020, p.truth().devices().get(1).gapMs(), 20);
    }

    private static long framesIn(String detail) {
        String range = detail.replaceAll("packet of seq ([0-9.]+).*", "$1");
        if (!range.contains("..")) {
            return 1;
        }
        String[] ab = range.split("\\.\\.");
        return Long.parseLong(ab[1]) - Long.parseLong(ab[0]) + 1;
    }
}
