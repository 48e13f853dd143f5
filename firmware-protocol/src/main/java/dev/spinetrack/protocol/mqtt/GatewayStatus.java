package dev.spinetrack.protocol.mqtt;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Objects;

/**
 * Retained gateway status on {@code spinetrack/v1/{gateway}/status}, refreshed periodically
 * and set to LOST by the broker as the gateway's LWT (PROTOCOL.md §7.5). Counters are
 * totals since the gateway process started.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record GatewayStatus(@JsonProperty("v") int v, @JsonProperty("gateway") String gateway,
                            @JsonProperty("state") DeviceState state, @JsonProperty("at") long at,
                            @JsonProperty("devices") int devices, @JsonProperty("samplesIn") long samplesIn,
                            @JsonProperty("samplesOut") long samplesOut, @JsonProperty("gaps") long gaps,
                            @JsonProperty("invalidFrames") long invalidFrames,
                            @JsonProperty("queueDepth") long queueDepth,
                            @JsonProperty("reconnects") long reconnects) {

    public GatewayStatus {
        if (v != 1) {
            throw new IllegalArgumentException("v must be 1, was " + v);
        }
        if (!Topics.validGatewayId(gateway)) {
            throw new IllegalArgumentException("gateway is not a valid gateway id: " + gateway);
        }
        Objects.requireNonNull(state, "state");
        if (devices < 0 || samplesIn < 0 || samplesOut < 0 || gaps < 0 || invalidFrames < 0 || queueDepth < 0
                || reconnects < 0) {
            throw new IllegalArgumentException("gateway counters must be >= 0");
        }
    }

    /** The payload the broker publishes for a gateway that vanished. */
    public static GatewayStatus lost(String gateway) {
        return new GatewayStatus(1, gateway, DeviceState.LOST, 0, 0, 0, 0, 0, 0, 0, 0);
    }
}
