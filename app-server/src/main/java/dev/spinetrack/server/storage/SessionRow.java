package dev.spinetrack.server.storage;

/**
 * A stored session: which device and user, which samples (by seq) and its totals.
 *
 * @param id          session id
 * @param deviceId    device
 * @param userId      user it belongs to
 * @param auto        started automatically by contact (else by the API)
 * @param fromSeq     first device seq that belongs to it
 * @param toSeq       last seq that belongs to it; null while open
 * @param startedAt   epoch ms (device time for automatic sessions, server time for API starts)
 * @param endedAt     epoch ms, null while open
 * @param endReason   why it ended: {@code stopped}, {@code idle}, {@code replaced}; null while open
 * @param bandLow     default target band, lower bound
 * @param bandHigh    default target band, upper bound
 * @param samples     samples tracked
 * @param firstT      device time of the first sample, null when none
 * @param lastT       device time of the last sample, null when none
 * @param contactMs   time in contact
 * @param gapCount    data gaps
 * @param gapMs       total data-gap time
 * @param untaggedMs  contact time without a region (ball without a tag)
 */
public record SessionRow(long id, String deviceId, String userId, boolean auto, long fromSeq, Long toSeq,
                         long startedAt, Long endedAt, String endReason, double bandLow, double bandHigh,
                         long samples, Long firstT, Long lastT, long contactMs, long gapCount, long gapMs,
                         long untaggedMs) {

    /** Whether the session is still open. */
    public boolean open() {
        return toSeq == null;
    }
}
