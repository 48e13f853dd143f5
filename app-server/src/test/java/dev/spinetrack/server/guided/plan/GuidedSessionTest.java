package dev.spinetrack.server.guided.plan;

import dev.spinetrack.server.engine.band.BandPosition;
import dev.spinetrack.protocol.region.Region;
import dev.spinetrack.protocol.region.Side;
import dev.spinetrack.server.program.Program;
import dev.spinetrack.server.program.ProgramParser;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GuidedSessionTest {

    /** Massage 2 rounds x both sides x 60 s, rest 20 s; cat-cow 2 x 3 reps, rest 10 s; logged rows 2 x 8. */
    static Program program() throws Exception {
        return ProgramParser.parse("t.yaml", """
                id: t
                name: T
                device: BALL
                steps:
                  - {id: massage, title: Massage, kind: massage, regions: [MID_THORACIC_LEFT, LOWER_THORACIC_LEFT],
                     sides: both, rounds: 2, duration: 60, rest: 20, band: {low: 10, high: 20}, dwellTarget: 15}
                  - {id: cat-cow, title: Cat-cow, kind: mobilize, repAxis: pitch, sets: 2, reps: 3, rest: 10}
                  - {id: rows, title: Rows, kind: strengthen, sets: 2, reps: 8}
                """);
    }

    @Test
    void unrollsRoundsSidesSetsAndRests() throws Exception {
        SessionPlan plan = SessionPlan.of(program(), 5_000);
        List<String> shape = plan.blocks().stream()
                .map(b -> b.kind() + ":" + b.stepIndex() + ":" + b.side() + ":" + (b.timed() ? b.durationMs() : b.targetReps()))
                .toList();
        assertEquals(List.of(
                "WORK:0:LEFT:60000", "SWITCH_SIDE:0:RIGHT:5000", "WORK:0:RIGHT:60000", "REST:0:NONE:20000",
                "WORK:0:LEFT:60000", "SWITCH_SIDE:0:RIGHT:5000", "WORK:0:RIGHT:60000",
                "WORK:1:NONE:3", "REST:1:NONE:10000", "WORK:1:NONE:3",
                "WORK:2:NONE:8", "WORK:2:NONE:8"), shape);
        assertEquals(List.of(Region.MID_THORACIC_RIGHT, Region.LOWER_THORACIC_RIGHT), plan.blocks().get(2).regions(),
                "the right side works the mirrored regions");
    }

    @Test
    void runsAWholeProgramOnTimeRepsAndLoggedSets() throws Exception {
        GuidedSession s = new GuidedSession(SessionPlan.of(program(), 5_000));
        assertEquals(SessionState.READY, s.state());
        s.start(0);
        GuideSnapshot first = s.snapshot(10_000);
        assertEquals(BlockKind.WORK, first.block());
        assertEquals(Side.LEFT, first.side());
        assertEquals(1, first.round());
        assertEquals(50_000, first.remainingMs());
        assertEquals(Region.MID_THORACIC_LEFT, first.spot());
        assertEquals(Region.LOWER_THORACIC_LEFT, s.nextSpot().orElseThrow(), "move on to the next spot");

        assertFalse(s.tick(59_999));
        assertTrue(s.tick(60_000));
        assertEquals(BlockKind.SWITCH_SIDE, s.snapshot(60_000).block());
        // A late tick catches up over several blocks, each ending at its due time.
        assertTrue(s.tick(140_000)); // switch ends 65 s, right side ends 125 s, rest from 125 s
        GuideSnapshot rest = s.snapshot(140_000);
        assertEquals(BlockKind.REST, rest.block());
        assertEquals(15_000, rest.elapsedMs());
        assertEquals(5_000, rest.remainingMs());
        s.tick(145_000 + 60_000 + 5_000 + 60_000);
        GuideSnapshot catCow = s.snapshot(270_000);
        assertEquals("cat-cow", catCow.stepId());
        assertEquals(1, catCow.set());
        assertEquals(3, catCow.targetReps());
        assertEquals(-1, catCow.remainingMs(), "a set ends on reps, not on time");

        assertFalse(s.tick(400_000), "time does not end a counted set");
        assertFalse(s.countRep(401_000));
        assertFalse(s.countRep(403_000));
        assertEquals(2, s.snapshot(403_000).reps());
        assertTrue(s.countRep(405_000));
        assertEquals(BlockKind.REST, s.snapshot(405_000).block());
        s.tick(415_000);
        s.countRep(417_000);
        s.countRep(419_000);
        s.countRep(421_000);
        assertEquals("rows", s.snapshot(421_000).stepId());
        assertFalse(s.countRep(422_000), "a logged set does not take sensed reps");
        s.logSet(8, 450_000);
        s.logSet(6, 500_000);
        assertEquals(SessionState.FINISHED, s.state());

        List<StepResult> r = s.results();
        assertEquals(StepStatus.COMPLETED, r.get(0).status());
        assertEquals(2, r.get(0).roundsDone());
        assertEquals(240_000, r.get(0).workMs());
        assertEquals(0, r.get(0).startedAt());
        assertEquals(270_000, r.get(0).endedAt());
        assertEquals(List.of(3, 3), r.get(1).repsPerSet());
        assertEquals(List.of(8, 6), r.get(2).repsPerSet());
        assertEquals(500_000, r.get(2).endedAt());
        assertNull(s.snapshot(500_000).stepId());
    }

    @Test
    void theUserCanAdvanceSkipAndStop() throws Exception {
        GuidedSession s = new GuidedSession(SessionPlan.of(program(), 5_000));
        s.start(1_000);
        s.advance(11_000); // cut the left side short
        assertEquals(BlockKind.SWITCH_SIDE, s.currentBlock().orElseThrow().kind());
        s.skipStep(12_000);
        assertEquals("cat-cow", s.snapshot(12_000).stepId());
        s.countRep(13_000);
        s.advance(14_000); // set ended by hand with 1 rep
        s.stop(15_000);
        assertEquals(SessionState.FINISHED, s.state());
        List<StepResult> r = s.results();
        assertEquals(StepStatus.SKIPPED, r.get(0).status());
        assertEquals(10_000, r.get(0).workMs());
        assertEquals(0, r.get(0).roundsDone());
        assertEquals(StepStatus.SKIPPED, r.get(1).status());
        assertEquals(List.of(1), r.get(1).repsPerSet());
        assertEquals(StepStatus.SKIPPED, r.get(2).status());
        assertEquals(-1, r.get(2).startedAt());
        assertThrows(IllegalStateException.class, () -> s.advance(16_000));
    }

    @Test
    void faultsAreRefusedWithAReason() throws Exception {
        GuidedSession s = new GuidedSession(SessionPlan.of(program(), 5_000));
        assertThrows(IllegalStateException.class, () -> s.advance(0), "not started");
        s.start(0);
        assertThrows(IllegalStateException.class, () -> s.start(1), "started twice");
        IllegalStateException notASet = assertThrows(IllegalStateException.class, () -> s.logSet(5, 1));
        assertEquals("the current block is a work on time, not a set", notASet.getMessage());
        assertThrows(IllegalArgumentException.class, () -> s.logSet(-1, 1));
        assertThrows(IllegalArgumentException.class, () -> SessionPlan.of(program(), 0));
    }

    @Test
    void bandTimeIsBookedOnTheStepItWasSpentIn() throws Exception {
        GuidedSession s = new GuidedSession(SessionPlan.of(program(), 5_000));
        s.start(0);
        s.recordBandTime(0, BandPosition.IN, 3_000);
        s.recordBandTime(0, BandPosition.BELOW, 1_000);
        s.recordBandTime(0, BandPosition.ABOVE, 500);
        s.recordBandTime(0, BandPosition.IN, 1_000);
        s.recordBandTime(1, BandPosition.IN, 70);
        StepResult massage = s.results().get(0);
        assertEquals(4_000, massage.inZoneMs());
        assertEquals(1_000, massage.belowMs());
        assertEquals(500, massage.aboveMs());
        assertEquals(70, s.results().get(1).inZoneMs(), "booked on the step named, not the current one");
    }
}
