package dev.spinetrack.server.engine.session;

/**
 * One stored sample as session boundaries see it.
 *
 * @param seq     its position in the device's stream
 * @param t       its device time, epoch ms
 * @param tracked whether it is tracked at all (a sample whose channel count is not the device's is not)
 * @param contact whether it is in contact (FocusRule's threshold)
 */
public record SessionPoint(long seq, long t, boolean tracked, boolean contact) {
}
