package dev.spinetrack.server.engine.session;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The automatic sessions a run of samples holds. The worked cases and the oracle below are
 * written from PROTOCOL.md §7.6 item 5 and docs/server.md ("Sessions") alone: contact opens a
 * session when none is open; more than the idle timeout without contact ends it at the sample that
 * shows it ({@code idle}); a silence in the data of more than the idle timeout ends it at its last
 * sample before the silence ({@code silent}); samples a device cannot be tracked by (wrong channel
 * count) are skipped but still end where the silence closes.
 */
class AutoSessionsTest {

    private static final long IDLE = 1_000;
    private final SessionRules rules = new SessionRules(IDLE, true);

    @Test
    void contactOpensAndAQuietStretchPastTheIdleTimeoutEndsAtTheSampleThatShowsIt() {
        List<SessionPoint> points = new ArrayList<>();
        points.add(p(1, 0, false));
        points.add(p(2, 100, true));
        points.add(p(3, 600, false));
        points.add(p(4, 1_100, false)); // exactly the idle timeout after the contact: not more
        points.add(p(5, 1_101, false));
        points.add(p(6, 1_200, true));
        assertEquals(List.of(new DerivedSession(2, 100, 5L, 1_101L, "idle"), new DerivedSession(6, 1_200, null, null,
                null)), AutoSessions.derive(rules, points));
    }

    @Test
    void aSilenceInTheDataEndsTheSessionAtItsLastSampleAndTheNextContactOpensAnother() {
        List<SessionPoint> points = List.of(p(10, 0, true), p(11, 500, true), p(12, 1_501, true), p(13, 1_600, true));
        assertEquals(List.of(new DerivedSession(10, 0, 11L, 500L, "silent"), new DerivedSession(12, 1_501, null, null,
                null)), AutoSessions.derive(rules, points));
    }

    @Test
    void theHoleFilledLateJoinsWhatArrivalSplit() {
        // arrival saw 10, 11, then 14: a silence of 1,200 ms; the data holds 12 and 13 in between
        List<SessionPoint> points = List.of(p(10, 0, true), p(11, 500, true), p(12, 900, false), p(13, 1_300, true),
                p(14, 1_700, true));
        assertEquals(List.of(new DerivedSession(10, 0, null, null, null)), AutoSessions.derive(rules, points));
    }

    @Test
    void anUntrackedSampleIsWhereASilentSessionEndsButNeitherOpensNorFeedsOne() {
        List<SessionPoint> points = List.of(p(1, 0, true), new SessionPoint(2, 400, false, false),
                new SessionPoint(3, 2_000, false, true), p(4, 2_100, true));
        assertEquals(List.of(new DerivedSession(1, 0, 3L, 0L, "silent"), new DerivedSession(4, 2_100, null, null,
                null)), AutoSessions.derive(rules, points));
    }

    @Test
    void agreesWithTheOracleOnRandomRuns() {
        Random random = new Random(20261203);
        for (int run = 0; run < 3_000; run++) {
            List<SessionPoint> points = randomRun(random);
            assertEquals(oracle(points), AutoSessions.derive(rules, points), "run " + run + ": " + points);
        }
    }

    private static List<SessionPoint> randomRun(Random random) {
        List<SessionPoint> points = new ArrayList<>();
        long t = random.nextInt(1_000);
        boolean contact = random.nextBoolean();
        int n = random.nextInt(80);
        for (long seq = random.nextInt(5); points.size() < n; seq += 1 + (random.nextInt(8) == 0 ? random.nextInt(3) : 0)) {
            int step = random.nextInt(10);
            t += step < 6 ? 10 + random.nextInt(200) : step < 9 ? 900 + random.nextInt(201) : 1_000 + random.nextInt(3_000);
            if (random.nextInt(4) == 0) {
                contact = !contact;
            }
            boolean tracked = random.nextInt(15) != 0;
            points.add(new SessionPoint(seq, t, tracked, contact));
        }
        return points;
    }

    /** The rules as the protocol states them, walked sample by sample over the tracked ones. */
    private static List<DerivedSession> oracle(List<SessionPoint> points) {
        List<DerivedSession> out = new ArrayList<>();
        Long start = null;
        long startT = 0;
        long lastContact = 0;
        long lastTracked = 0;
        for (int i = 0; i < points.size(); i++) {
            SessionPoint p = points.get(i);
            if (!p.tracked()) {
                continue;
            }
            if (start != null && p.t() - lastTracked > IDLE) {
                out.add(new DerivedSession(start, startT, points.get(i - 1).seq(), lastTracked, "silent"));
                start = null;
            }
            if (start == null) {
                if (p.contact()) {
                    start = p.seq();
                    startT = p.t();
                    lastContact = p.t();
                }
            } else if (p.contact()) {
                lastContact = p.t();
            } else if (p.t() - lastContact > IDLE) {
                out.add(new DerivedSession(start, startT, p.seq(), p.t(), "idle"));
                start = null;
            }
            lastTracked = p.t();
        }
        if (start != null) {
            out.add(new DerivedSession(start, startT, null, null, null));
        }
        return out;
    }

    private static SessionPoint p(long seq, long t, boolean contact) {
        return new SessionPoint(seq, t, true, contact);
    }
}
