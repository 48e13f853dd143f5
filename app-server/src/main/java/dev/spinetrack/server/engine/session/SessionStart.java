package dev.spinetrack.server.engine.session;

/**
 * A session to open on a device: who it is for, why, and where it starts.
 *
 * @param user      the user it belongs to
 * @param auto      true when contact opens it, false when a user (the API) does
 * @param fromSeq   the first seq it holds
 * @param startedAt when it starts: the device time of its first contact, or the server clock for the API
 */
public record SessionStart(String user, boolean auto, long fromSeq, long startedAt) {

    /** A session contact opens at a sample, for the device's owner. */
    public static SessionStart onContact(String owner, long seq, long t) {
        return new SessionStart(owner, true, seq, t);
    }

    /** A session a user opens over the API, holding the samples after {@code highestSeq}. */
    public static SessionStart byUser(String user, long highestSeq, long nowMs) {
        return new SessionStart(user, false, highestSeq + 1, nowMs);
    }
}
