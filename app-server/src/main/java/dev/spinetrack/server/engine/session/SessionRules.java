package dev.spinetrack.server.engine.session;

import java.util.Optional;

/**
 * Where automatic sessions begin and end, decided by the data in device time and never by its
 * arrival (PROTOCOL.md §7.6 item 5): contact opens a session when none is open; an automatic
 * session ends after more than the idle timeout without contact ({@code idle}) or, when the data
 * itself falls silent for more than the idle timeout, at its last sample ({@code silent}); data
 * within the idle timeout of a session closed for silence shows the device was only delayed, so
 * that session opens again; a late first contact just before an automatic session is where that
 * session starts. Sessions opened over the API end only when stopped or replaced.
 */
public final class SessionRules {

    private final long idleTimeoutMs;
    private final boolean autoSessions;

    /**
     * @param idleTimeoutMs device time without contact (or without data) after which an automatic session ends
     * @param autoSessions  whether contact opens a session when none is open
     */
    public SessionRules(long idleTimeoutMs, boolean autoSessions) {
        this.idleTimeoutMs = idleTimeoutMs;
        this.autoSessions = autoSessions;
    }

    /** Device time without contact after which an automatic session ends. */
    public long idleTimeoutMs() {
        return idleTimeoutMs;
    }

    /** Whether contact opens sessions (late first contacts then move their start too). */
    public boolean autoSessions() {
        return autoSessions;
    }

    /**
     * What the device's next sample (above everything it tracked) does before it is tracked.
     *
     * @param open   the device's open session, or null
     * @param silent its latest session while that stands closed for silence, or null
     * @param seq    the sample's seq
     * @param t      the sample's device time
     */
    public Boundary beforeSample(OpenSession open, SilentSession silent, long seq, long t) {
        if (open != null) {
            if (open.auto() && open.samples() > 0 && t - open.lastT() > idleTimeoutMs) {
                return new Boundary.EndSilently(open.id(), open.lastT());
            }
            return new Boundary.Continue();
        }
        if (silent == null || silent.lastT() == null || t - silent.lastT() > idleTimeoutMs
                || seq <= silent.toSeq()) {
            return new Boundary.NoSession();
        }
        return new Boundary.Resume(silent.id(), t - silent.lastT());
    }

    /** The session a sample opens when no session is open: one for the owner when it is in contact. */
    public Optional<SessionStart> openOn(boolean contact, String owner, long seq, long t) {
        return autoSessions && contact ? Optional.of(SessionStart.onContact(owner, seq, t)) : Optional.empty();
    }

    /**
     * Whether a session ends for idleness at a sample it just tracked: only an automatic one, and
     * only when it has been without contact for longer than the idle timeout.
     *
     * @param auto                whether contact opened the session
     * @param contact             whether the sample is in contact
     * @param t                   the sample's device time
     * @param lastContactOrFirstT device time of the session's latest contact, or of its first sample when it had none
     */
    public boolean endsIdle(boolean auto, boolean contact, long t, long lastContactOrFirstT) {
        return auto && !contact && t - lastContactOrFirstT > idleTimeoutMs;
    }

    /**
     * Where a late first contact moves a session's start: a contact outside any session, arrived
     * late, just before (within the idle timeout) the next session, an automatic one, is where that
     * session starts in an undisturbed run (its batch only arrived after the later ones).
     *
     * @param contactSeq the late contact's seq
     * @param contactT   its device time
     * @param inSession  whether a session already holds it
     * @param next       the device's first session after it, or null
     */
    public Optional<StartMove> earlierStart(long contactSeq, long contactT, boolean inSession, NextSession next) {
        if (!autoSessions || inSession || next == null || !next.auto() || next.startedAt() - contactT > idleTimeoutMs) {
            return Optional.empty();
        }
        return Optional.of(new StartMove(next.id(), contactSeq, contactT, next.startedAt() - contactT));
    }

    /**
     * The last seq a session ends with when it is stopped, replaced or swept: everything the device
     * tracked, and never before the session's own start (an empty session ends just before it).
     */
    public static long endSeq(long processedSeq, long fromSeq) {
        return Math.max(processedSeq, fromSeq - 1);
    }

    /**
     * When the wall-clock sweep ends a silent session: at its last sample, or at the sweep's clock
     * when it holds none.
     */
    public static long sweptEnd(Long lastT, long nowMs) {
        return lastT == null ? nowMs : lastT;
    }
}
