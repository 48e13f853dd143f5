package dev.spinetrack.server.engine.session;

/**
 * What the rules need to know of a device's open session.
 *
 * @param id      the session
 * @param auto    whether contact opened it (only automatic sessions end by themselves)
 * @param samples samples tracked in it so far
 * @param lastT   device time of its latest tracked sample (meaningless while {@code samples} is 0)
 */
public record OpenSession(long id, boolean auto, long samples, long lastT) {
}
