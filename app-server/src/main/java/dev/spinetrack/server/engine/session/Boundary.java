package dev.spinetrack.server.engine.session;

/** What a device's next sample does to its sessions before it is tracked ({@link SessionRules#beforeSample}). */
public sealed interface Boundary {

    /** The open session goes on and takes the sample; nothing else changes. */
    record Continue() implements Boundary {
    }

    /** No session is open for the sample (contact may still open one); a silent close the device held is settled. */
    record NoSession() implements Boundary {
    }

    /**
     * The open automatic session ends at its last sample, before this one: the data went silent
     * for longer than the idle timeout in device time.
     *
     * @param sessionId the session
     * @param endedAt   device time of its last sample
     */
    record EndSilently(long sessionId, long endedAt) implements Boundary {
    }

    /**
     * The session closed for silence opens again and takes the sample, provided its raw samples
     * are all still stored (retention did not delete them): the data went on within the idle
     * timeout, so the device was delayed, not silent.
     *
     * @param sessionId the session
     * @param gapMs     device time between its last sample and this one
     */
    record Resume(long sessionId, long gapMs) implements Boundary {
    }
}
