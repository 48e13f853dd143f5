package dev.spinetrack.protocol.mqtt;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Objects;

/**
 * Retained device status on {@code …/{device}/status} (PROTOCOL.md §7.4).
 *
 * @param v        payload version, 1
 * @param gateway  gateway id
 * @param device   device id
 * @param state    ONLINE, OFFLINE or LOST
 * @param at       gateway wall clock, epoch ms
 * @param battery  last battery percent, if known
 * @param rssi     last RSSI in dBm, if known
 * @param reason   why the state changed, for people
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeviceStatus(@JsonProperty("v") int v, @JsonProperty("gateway") String gateway,
                           @JsonProperty("device") String device, @JsonProperty("state") DeviceState state,
                           @JsonProperty("at") long at, @JsonProperty("battery") Integer battery,
                           @JsonProperty("rssi") Integer rssi, @JsonProperty("reason") String reason) {

    public DeviceStatus {
        if (v != 1) {
            throw new IllegalArgumentException("v must be 1, was " + v);
        }
        if (!Topics.validDeviceId(device)) {
            throw new IllegalArgumentException("device must be 12 lower-case hex digits, was " + device);
        }
        if (!Topics.validGatewayId(gateway)) {
            throw new IllegalArgumentException("gateway is not a valid gateway id: " + gateway);
        }
        Objects.requireNonNull(state, "state");
        if (battery != null && (battery < 0 || battery > 100)) {
            throw new IllegalArgumentException("battery must be in [0, 100], was " + battery);
        }
    }
}
