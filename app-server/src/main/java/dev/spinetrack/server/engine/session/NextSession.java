package dev.spinetrack.server.engine.session;

/**
 * The first session of a device after some seq, as the late-first-contact rule sees it.
 *
 * @param id        the session
 * @param auto      whether contact opened it
 * @param startedAt device time it starts at
 */
public record NextSession(long id, boolean auto, long startedAt) {
}
