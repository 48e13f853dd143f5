package dev.spinetrack.protocol.mqtt;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.spinetrack.protocol.gatt.CellPlacement;
import dev.spinetrack.protocol.gatt.DeviceCapabilities;
import dev.spinetrack.protocol.gatt.DeviceKind;
import dev.spinetrack.protocol.gatt.PressureUnit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Retained description of a device on {@code …/{device}/info} (PROTOCOL.md §7.3): its
 * capability record in physical units, so a server needs no per-model code.
 *
 * @param v                payload version, 1
 * @param gateway          gateway id
 * @param device           device id
 * @param name             advertised name
 * @param kind             RACK or BALL
 * @param firmware         firmware version, {@code major.minor.patch}
 * @param minRateHz        lowest sample rate
 * @param maxRateHz        highest sample rate
 * @param rateHz           the rate the gateway set
 * @param unit             pressure unit of every {@code p}
 * @param contactThreshold pressure above which a sample is in contact, in {@code unit}
 * @param cells            one entry per channel
 * @param boot             the device's boot counter read at this connection (PROTOCOL.md §3.3);
 *                         {@code null} (omitted) for a device without a boot record
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeviceInfo(@JsonProperty("v") int v, @JsonProperty("gateway") String gateway,
                         @JsonProperty("device") String device, @JsonProperty("name") String name,
                         @JsonProperty("kind") DeviceKind kind, @JsonProperty("firmware") String firmware,
                         @JsonProperty("minRateHz") int minRateHz, @JsonProperty("maxRateHz") int maxRateHz,
                         @JsonProperty("rateHz") int rateHz, @JsonProperty("unit") PressureUnit unit,
                         @JsonProperty("contactThreshold") double contactThreshold,
                         @JsonProperty("cells") List<CellInfo> cells,
                         @JsonProperty("boot") Long boot) {

    @JsonCreator
    public DeviceInfo {
        if (v != 1) {
            throw new IllegalArgumentException("v must be 1, was " + v);
        }
        if (!Topics.validGatewayId(gateway)) {
            throw new IllegalArgumentException("gateway is not a valid gateway id: " + gateway);
        }
        if (!Topics.validDeviceId(device)) {
            throw new IllegalArgumentException("device must be 12 lower-case hex digits, was " + device);
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(cells, "cells");
        if (rateHz < minRateHz || rateHz > maxRateHz) {
            throw new IllegalArgumentException("rateHz " + rateHz + " outside [" + minRateHz + ", " + maxRateHz + "]");
        }
        if (!(contactThreshold >= 0)) {
            throw new IllegalArgumentException("contactThreshold must be >= 0, was " + contactThreshold);
        }
        if (boot != null && (boot < 0 || boot > SampleBatch.MAX_BOOT)) {
            throw new IllegalArgumentException("boot must be in 0.." + SampleBatch.MAX_BOOT + ", was " + boot);
        }
        cells = List.copyOf(cells);
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("cells must not be empty");
        }
    }

    /** Device info of a device without a boot record. */
    public DeviceInfo(int v, String gateway, String device, String name, DeviceKind kind, String firmware,
                      int minRateHz, int maxRateHz, int rateHz, PressureUnit unit, double contactThreshold,
                      List<CellInfo> cells) {
        this(v, gateway, device, name, kind, firmware, minRateHz, maxRateHz, rateHz, unit, contactThreshold, cells,
                null);
    }

    /** The same info with the boot counter read from the device. */
    public DeviceInfo withBoot(Long bootCount) {
        return new DeviceInfo(v, gateway, device, name, kind, firmware, minRateHz, maxRateHz, rateHz, unit,
                contactThreshold, cells, bootCount);
    }

    /** Device info for a capability record read from the device. */
    public static DeviceInfo of(String gateway, String device, String name, int rateHz, DeviceCapabilities caps) {
        List<CellInfo> cells = new ArrayList<>(caps.channelCount());
        for (int i = 0; i < caps.channelCount(); i++) {
            CellPlacement c = caps.cells().get(i);
            cells.add(new CellInfo(i, c.level(), c.side(), c.region().orElse(null)));
        }
        return new DeviceInfo(1, gateway, device, name, caps.kind(), caps.firmwareVersion(), caps.minRateHz(),
                caps.maxRateHz(), rateHz, caps.unit(), caps.contactThreshold(), cells);
    }
}
