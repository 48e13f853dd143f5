package dev.spinetrack.server.live;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One live sample of a device as pushed to WebSockets ({@code "type":"sample"}).
 *
 * @param type      always {@code sample}
 * @param device    device id
 * @param session   open session, or null
 * @param seq       device seq
 * @param t         device time, epoch ms
 * @param contact   in contact
 * @param region    focus region id, or null
 * @param pressure  focus pressure, device unit
 * @param unit      pressure unit symbol
 * @param band      BELOW, IN or ABOVE the target band while in contact, else null
 * @param bandLow   target band lower bound
 * @param bandHigh  target band upper bound
 * @param p         pressure per cell or channel
 * @param pitch     degrees
 * @param roll      degrees
 * @param battery   percent, or null
 */
@Serdeable
public record LiveFrame(String type, String device, @Nullable Long session, long seq, long t, boolean contact,
                        @Nullable String region, double pressure, String unit, @Nullable String band,
                        double bandLow, double bandHigh, double[] p, double pitch, double roll,
                        @Nullable Integer battery) {
}
