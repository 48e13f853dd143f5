package dev.spinetrack.server.engine.session;

/**
 * A device's latest session while it stands closed for silence ({@code silent}), until a sample
 * decides whether the silence was real.
 *
 * @param id      the session
 * @param lastT   device time of its last sample, null when it holds none
 * @param toSeq   the last seq it holds
 */
public record SilentSession(long id, Long lastT, long toSeq) {
}
