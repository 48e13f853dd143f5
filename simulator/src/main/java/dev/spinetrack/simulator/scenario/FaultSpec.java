package dev.spinetrack.simulator.scenario;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A fault as written in a scenario file's {@code faults} list.
 *
 * @param type     {@code drop}, {@code corrupt}, {@code duplicate} (with {@code percent}),
 *                 {@code disconnect} (with {@code at} seconds, or none for a random time),
 *                 {@code drift} (with {@code ppm}), {@code low-battery} (with {@code at} and
 *                 {@code percent}: the level it falls to), {@code stall} (with {@code at} and
 *                 {@code seconds})
 * @param device   index of the device it applies to; {@code null} for every device
 * @param percent  rate in percent of notifications (drop, corrupt, duplicate) or battery level
 * @param at       scenario seconds when it happens; {@code null} for a random time (disconnect)
 * @param seconds  how long (stall)
 * @param ppm      clock drift, parts per million (positive: the device clock runs fast)
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record FaultSpec(String type, Integer device, Double percent, Double at, Double seconds, Double ppm) {
}
