package dev.spinetrack.server.engine.session;

import java.util.ArrayList;
import java.util.List;

/**
 * The automatic sessions a run of a device's samples holds, by the same {@link SessionRules} that
 * track samples as they arrive. Arrival tracks each sample once, in the order it came; when a late
 * batch fills a hole below what was tracked, what arrival decided (a silence that was only a hole,
 * a session opened after it, a contact nobody saw) may differ from what the data says, and this
 * is what the data says (PROTOCOL.md §7.6 item 5).
 */
public final class AutoSessions {

    private AutoSessions() {
    }

    /**
     * Derives the sessions of samples that start where no session is open.
     *
     * @param rules  the idle timeout (sessions opened over the API are not derived here)
     * @param points the samples, in seq order, from a point where no session is open
     * @return the sessions, in order; the last may be open
     */
    public static List<DerivedSession> derive(SessionRules rules, List<SessionPoint> points) {
        List<DerivedSession> out = new ArrayList<>();
        Open open = null;
        long previousSeq = Long.MIN_VALUE;
        for (SessionPoint p : points) {
            if (p.tracked()) {
                if (open != null && rules.beforeSample(open.asOpen(), null, p.seq(), p.t())
                        instanceof Boundary.EndSilently end) {
                    out.add(new DerivedSession(open.fromSeq, open.startedAt, previousSeq, end.endedAt(), "silent"));
                    open = null;
                }
                if (open == null && rules.openOn(p.contact(), "", p.seq(), p.t()).isPresent()) {
                    open = new Open(p.seq(), p.t());
                }
                if (open != null) {
                    open.accept(p);
                    if (rules.endsIdle(true, p.contact(), p.t(), open.quietSince())) {
                        out.add(new DerivedSession(open.fromSeq, open.startedAt, p.seq(), p.t(), "idle"));
                        open = null;
                    }
                }
            }
            previousSeq = p.seq();
        }
        if (open != null) {
            out.add(new DerivedSession(open.fromSeq, open.startedAt, null, null, null));
        }
        return out;
    }

    /** A session being derived: where it starts, its last sample and its last contact. */
    private static final class Open {
        final long fromSeq;
        final long startedAt;
        long samples;
        long firstT;
        long lastT;
        long lastContactT = Long.MIN_VALUE;

        Open(long fromSeq, long startedAt) {
            this.fromSeq = fromSeq;
            this.startedAt = startedAt;
        }

        void accept(SessionPoint p) {
            if (samples++ == 0) {
                firstT = p.t();
            }
            lastT = p.t();
            if (p.contact()) {
                lastContactT = p.t();
            }
        }

        long quietSince() {
            return lastContactT == Long.MIN_VALUE ? firstT : lastContactT;
        }

        OpenSession asOpen() {
            return new OpenSession(0, true, samples, lastT);
        }
    }
}
