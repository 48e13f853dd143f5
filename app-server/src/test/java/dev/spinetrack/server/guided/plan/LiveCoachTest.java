package dev.spinetrack.server.guided.plan;

import dev.spinetrack.protocol.gatt.PressureUnit;
import dev.spinetrack.protocol.region.Region;
import dev.spinetrack.server.engine.feedback.BandCue;
import dev.spinetrack.server.engine.feedback.DwellCue;
import dev.spinetrack.server.engine.band.PressureBand;
import dev.spinetrack.server.program.Program;
import dev.spinetrack.server.program.ProgramParser;
import dev.spinetrack.server.engine.tender.TenderRating;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiveCoachTest {

    private static Program program() throws Exception {
        return ProgramParser.parse("t.yaml", """
                id: t
                name: T
                device: BALL
                steps:
                  - {id: massage, title: Massage, kind: massage, regions: [MID_THORACIC_LEFT, LOWER_THORACIC_LEFT],
                     duration: 10, band: {low: 18, high: 32}, dwellTarget: 2}
                  - {id: cat-cow, title: Cat-cow, kind: mobilize, repAxis: pitch, sets: 1, reps: 3}
                """);
    }

    @Test
    void drivesTagsBandsCuesAndRepsFromTheSampleStream() throws Exception {
        LiveCoach coach = new LiveCoach(new GuidedSession(SessionPlan.of(program())), true);
        long t0 = 1_700_000_000_000L;
        CoachEffects start = coach.start(t0);
        assertEquals(Region.MID_THORACIC_LEFT, start.tag(), "a ball is tagged with the step's first spot");
        assertEquals(new PressureBand(18, 32, PressureUnit.KILOPASCAL), start.band());

        Region told = start.tag();
        java.util.List<String> switches = new java.util.ArrayList<>();
        long t = t0;
        for (int i = 1; i <= 120; i++) { // 6 s at 20 Hz, in the zone
            t = t0 + i * 50L;
            CoachEffects e = coach.onSample(t, true, told, 25, 0, 0);
            if (e.tag() != null) {
                switches.add((t - t0) + ":" + e.tag());
                told = e.tag();
            }
            if (i == 45) {
                assertEquals(DwellCue.MOVE_ON, coach.view().dwell().cue(), "move on is shown after the switch");
            }
        }
        // Dwell counts from the first sample (t0 + 50 ms); each visit to a spot earns its own dwell.
        assertEquals(java.util.List.of("2050:LOWER_THORACIC_LEFT", "4100:MID_THORACIC_LEFT"), switches);
        CoachView v = coach.view();
        assertEquals(BandCue.IN_ZONE, v.bandCue());
        assertEquals(Region.MID_THORACIC_LEFT, v.snapshot().spot());
        assertEquals(4_000, v.snapshot().remainingMs());

        // Pressing too hard for a while: the cue turns to "lighter" after the settle delay.
        for (int i = 1; i <= 20; i++) {
            t += 50;
            coach.onSample(t, true, told, 40, 0, 0);
        }
        assertEquals(BandCue.LIGHTER, coach.view().bandCue());
        TenderRating rating = coach.rate("g1", Region.MID_THORACIC_LEFT, 6, t);
        // On MID_THORACIC_LEFT: 3950 ms at 25 kPa (two visits), then 950 ms at 40 kPa.
        assertEquals((3_950 * 25.0 + 950 * 40.0) / 4_900, rating.toleratedPressure(), 1e-9,
                "time-weighted pressure the spot took this round");
        assertEquals(1, rating.round());

        // Time runs out: the cat-cow set begins; no band, no tag.
        CoachEffects next = CoachEffects.NONE;
        while (next == CoachEffects.NONE || !next.changed() || coach.view().snapshot().stepId().equals("massage")) {
            t += 50;
            next = coach.onSample(t, true, told, 25, 0, 0);
        }
        assertEquals("cat-cow", coach.view().snapshot().stepId());
        assertNull(next.band());
        assertNull(next.tag());
        assertNull(coach.view().bandCue());

        // Three pitch cycles of 3 s, +-25 degrees: three reps, then the session is done.
        long setStart = t;
        while (coach.session().state() == SessionState.RUNNING && t < setStart + 20_000) {
            t += 20;
            double phase = (t - setStart - 1_000) / 3_000.0;
            double pitch = phase > 0 && phase < 3 ? 25 * Math.sin(2 * Math.PI * phase) : 0;
            coach.onSample(t, false, null, 0, pitch, 0);
        }
        assertEquals(SessionState.FINISHED, coach.session().state());
        assertTrue(t < setStart + 11_000, "the set ended on its third rep");
        assertEquals(java.util.List.of(3), coach.session().results().get(1).repsPerSet());
        assertTrue(coach.session().results().get(0).inZoneMs() > 0);
        assertTrue(coach.session().results().get(0).aboveMs() > 0);
    }

    @Test
    void theStepOwnsTheBallsRegionAndTagsItAgainWhenSomeoneElseMovedIt() throws Exception {
        LiveCoach coach = new LiveCoach(new GuidedSession(SessionPlan.of(program())), true);
        assertEquals(Region.MID_THORACIC_LEFT, coach.start(0).tag());
        assertNull(coach.onSample(500, true, Region.LUMBAR_RIGHT, 25, 0, 0).tag(), "a tag takes a moment to apply");
        assertNull(coach.onSample(1_000, true, Region.LUMBAR_RIGHT, 25, 0, 0).tag());
        assertEquals(Region.MID_THORACIC_LEFT, coach.onSample(1_050, true, Region.LUMBAR_RIGHT, 25, 0, 0).tag());
        assertNull(coach.onSample(1_100, true, Region.LUMBAR_RIGHT, 25, 0, 0).tag(), "not again at once");
        assertNull(coach.onSample(1_200, true, Region.MID_THORACIC_LEFT, 25, 0, 0).tag());
    }

    @Test
    void aRackIsNeverTaggedAndItsMeasuredFocusDrivesTheDwellCue() throws Exception {
        Program rack = ProgramParser.parse("r.yaml", """
                id: r
                name: R
                device: RACK
                steps:
                  - {id: lie, title: Lie, kind: decompress, regions: [MID_THORACIC_LEFT], duration: 30, dwellTarget: 1,
                     band: {low: 40, high: 100}}
                """);
        LiveCoach coach = new LiveCoach(new GuidedSession(SessionPlan.of(rack)), false);
        CoachEffects start = coach.start(0);
        assertNull(start.tag());
        for (int i = 1; i <= 30; i++) {
            assertNull(coach.onSample(i * 50L, true, Region.MID_THORACIC_RIGHT, 60, 0, 0).tag());
        }
        assertEquals(Region.MID_THORACIC_RIGHT, coach.view().dwell().region());
        assertEquals(DwellCue.MOVE_ON, coach.view().dwell().cue());
    }

    @Test
    void aBallOffTheBackHoldsTheTimedBlockUntilItIsBack() throws Exception {
        LiveCoach coach = new LiveCoach(new GuidedSession(SessionPlan.of(program())), true);
        coach.start(0);
        Region spot = Region.MID_THORACIC_LEFT;
        for (long t = 50; t <= 4_000; t += 50) { // 4 s on the back
            coach.onSample(t, true, spot, 25, 0, 0);
        }
        assertEquals(6_000, coach.view().snapshot().remainingMs());
        for (long t = 4_050; t <= 9_000; t += 50) { // 5 s off the back: the 10 s block would have ended
            coach.onSample(t, false, null, 0.5, 0, 0);
        }
        GuideSnapshot held = coach.view().snapshot();
        assertEquals("massage", held.stepId(), "the block waits for the ball");
        assertEquals(6_000, held.remainingMs(), "no time counted while off the back");
        long t = 9_000;
        while ("massage".equals(coach.view().snapshot().stepId())) {
            t += 50;
            coach.onSample(t, true, coach.view().snapshot().spot(), 25, 0, 0);
        }
        assertEquals(15_000, t, "the block ended 5 s later than without the pause");
    }
}
