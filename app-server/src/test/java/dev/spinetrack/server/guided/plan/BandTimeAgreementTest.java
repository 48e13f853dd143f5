package dev.spinetrack.server.guided.plan;

import dev.spinetrack.protocol.region.FocusRule;
import dev.spinetrack.protocol.region.Region;
import dev.spinetrack.server.engine.band.PressureBand;
import dev.spinetrack.server.engine.tracking.DwellTracker;
import dev.spinetrack.server.engine.tracking.FocusedSample;
import dev.spinetrack.server.engine.tracking.RegionStats;
import dev.spinetrack.server.program.ProgramParser;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A guided step's time in band and the tracker's, for the same samples, against figures worked
 * out by hand from the sample list (DESIGN.md: the interval after a sample in contact with a
 * focus, up to the gap limit, counts by that earlier sample's pressure).
 */
class BandTimeAgreementTest {

    private static final Region SPOT = Region.MID_THORACIC_LEFT;
    private static final long T0 = 1_700_000_000_000L;

    /** One sample: device-time offset, contact, focus region, focus pressure (kPa; band 18..32). */
    private record S(long dt, boolean contact, Region region, double p) {
    }

    private static final List<S> SAMPLES = List.of(
            new S(0, true, SPOT, 25),        // [0, 100)     in           100 in
            new S(100, true, SPOT, 10),      // [100, 300)   below        200 below
            new S(300, true, SPOT, 40),      // [300, 350)   above         50 above
            new S(350, false, null, 0),      // [350, 600)   no contact: nothing
            new S(600, true, SPOT, 18),      // [600, 600)   zero interval: nothing
            new S(600, true, SPOT, 32),      // [600, 700)   in (32 is the bound)   100 in
            new S(700, true, null, 25),      // [700, 800)   no focus region: nothing
            new S(800, true, SPOT, 33),      // [800, 2900)  2100 ms > gap limit: gap, nothing
            new S(2_900, true, SPOT, 20),    // [2900, 3000) in           100 in
            new S(3_000, true, SPOT, 20),    // [3000, 3500) in           500 in
            new S(3_500, true, SPOT, 32.5),  // [3500, 4000) above        500 above
            new S(4_000, true, SPOT, 32.5),  // [4000, 4100) above        100 above
            new S(4_100, true, SPOT, 17.9),  // [4100, 4200) below        100 below
            new S(4_200, true, SPOT, 25));   // last sample: closes nothing

    private static final long IN = 100 + 100 + 100 + 500;
    private static final long BELOW = 200 + 100;
    private static final long ABOVE = 50 + 500 + 100;

    @Test
    void theGuidedStepCountsTheTrackersTimeInBand() throws Exception {
        assertEquals(1_000, FocusRule.DEFAULT_GAP_LIMIT_MS, "the hand figures assume a 1 s gap limit");
        LiveCoach coach = new LiveCoach(new GuidedSession(SessionPlan.of(ProgramParser.parse("t.yaml", """
                id: t
                name: T
                device: BALL
                steps:
                  - {id: massage, title: Massage, kind: massage, regions: [MID_THORACIC_LEFT], duration: 600,
                     band: {low: 18, high: 32}}
                """))), true);
        PressureBand band = coach.session().program().steps().get(0).band();
        DwellTracker tracker = new DwellTracker(FocusRule.DEFAULT_GAP_LIMIT_MS, t -> band);

        coach.start(T0);
        long seq = 0;
        for (S s : SAMPLES) {
            coach.onSample(T0 + s.dt(), s.contact(), s.region(), s.p(), 0, 0);
            tracker.accept(new FocusedSample(++seq, T0 + s.dt(), s.contact(), s.region(), s.p()));
        }

        StepResult step = coach.session().results().get(0);
        assertEquals(IN, step.inZoneMs(), "guided in band");
        assertEquals(BELOW, step.belowMs(), "guided below band");
        assertEquals(ABOVE, step.aboveMs(), "guided above band");
        List<RegionStats> regions = tracker.regions();
        assertEquals(1, regions.size());
        assertEquals(IN, regions.get(0).inBandMs(), "tracked in band");
        assertEquals(BELOW, regions.get(0).belowBandMs(), "tracked below band");
        assertEquals(ABOVE, regions.get(0).aboveBandMs(), "tracked above band");
    }

    @Test
    void anIntervalCountsForTheStepOfTheSampleThatBeganIt() throws Exception {
        LiveCoach coach = new LiveCoach(new GuidedSession(SessionPlan.of(ProgramParser.parse("t.yaml", """
                id: t
                name: T
                device: BALL
                steps:
                  - {id: one, title: One, kind: massage, regions: [MID_THORACIC_LEFT], duration: 60,
                     band: {low: 18, high: 32}}
                  - {id: two, title: Two, kind: massage, regions: [MID_THORACIC_LEFT], duration: 60,
                     band: {low: 30, high: 40}}
                """))), true);
        coach.start(T0);
        coach.onSample(T0, true, SPOT, 25, 0, 0);
        coach.onSample(T0 + 400, true, SPOT, 35, 0, 0); // step one: 400 ms in its band 18..32
        coach.advance(T0 + 450);                         // the user moves on between samples
        coach.onSample(T0 + 800, true, SPOT, 35, 0, 0); // [400, 800) began in step one: above its band
        coach.onSample(T0 + 900, true, SPOT, 35, 0, 0); // [800, 900) in step two: in its band 30..40
        List<StepResult> r = coach.session().results();
        assertEquals(400, r.get(0).inZoneMs());
        assertEquals(400, r.get(0).aboveMs());
        assertEquals(100, r.get(1).inZoneMs());
        assertEquals(0, r.get(1).aboveMs() + r.get(1).belowMs());
    }
}
