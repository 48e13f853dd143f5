package dev.spinetrack.server.engine.session;

/**
 * The device's "now" for a tag or band set without a time (a user's or a guided step's): the
 * device time just after the latest sample tracked, so the mark applies from the next sample on
 * and never falls on a sample already tracked (which would re-derive the session).
 */
public final class MarkInstant {

    private MarkInstant() {
    }

    /**
     * The instant, from the best source there is.
     *
     * @param trackedT device time of the open session's latest tracked sample, or null (not open here, none yet)
     * @param sessionT device time of the session's latest stored sample, or null when it holds none
     * @param deviceT  device time of the device's latest stored sample, or null when it never sent one
     */
    public static long next(Long trackedT, Long sessionT, Long deviceT) {
        if (trackedT != null) {
            return trackedT + 1;
        }
        if (sessionT != null) {
            return sessionT + 1;
        }
        return deviceT == null ? 0 : deviceT + 1;
    }
}
