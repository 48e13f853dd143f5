package dev.spinetrack.server.engine.session;

/**
 * An automatic session's start moved back to a late first contact.
 *
 * @param sessionId     the session
 * @param fromSeq       its new first seq
 * @param startedAt     its new start, device time
 * @param earlierByMs   how much earlier it now starts
 */
public record StartMove(long sessionId, long fromSeq, long startedAt, long earlierByMs) {
}
