package dev.spinetrack.server.session;

import dev.spinetrack.protocol.region.Region;

/**
 * One sample as tracking judged it, handed to {@link TrackedSampleFeed} listeners after the
 * transaction that stored it committed. Every field is in the device's own terms: {@code t}
 * is device time, never the server's clock.
 *
 * @param seq      device sequence number
 * @param t        device time, epoch ms
 * @param session  server session the sample belongs to, or null
 * @param contact  whether the sample is in contact
 * @param region   its focus region, or null
 * @param pressure its focus pressure (device unit)
 * @param pitch    degrees
 * @param roll     degrees
 */
public record TrackedSample(long seq, long t, Long session, boolean contact, Region region, double pressure,
                            double pitch, double roll) {
}
