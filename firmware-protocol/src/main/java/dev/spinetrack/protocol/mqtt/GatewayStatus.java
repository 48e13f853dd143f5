package dev.spinetrack.protocol.mqtt;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Objects;

/**
 * Retained gateway status on {@code spinetrack/v1/{gateway}/status}, refreshed periodically
 * and set to LOST by the broker as the gateway's LWT (PROTOCOL.md §7.5). Counters are
 * totals since the gateway process started. {@code unconfirmed} (batches published but not yet
 * confirmed stored by the server) and {@code queueAgeMs} (age of the oldest queued batch) were
 * added within v1 and are {@code null} (omitted) from gateways that do not report them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record GatewayStatus(@JsonProperty("v") int v, @JsonProperty("gateway") String gateway,
                            @JsonProperty("state") DeviceState state, @JsonProperty("at") long at,
                            @JsonProperty("devices") int devices, @JsonProperty("samplesIn") long samplesIn,
                            @JsonProperty("samplesOut") long samplesOut, @JsonProperty("gaps") long gaps,
                            @JsonProperty("invalidFrames") long invalidFrames,
                            @JsonProperty("queueDepth") long queueDepth,
                            @JsonProperty("reconnects") long reconnects,
                            @JsonProperty("unconfirmed") Long unconfirmed,
                            @JsonProperty("queueAgeMs") Long queueAgeMs) {

    @JsonCreator
    public GatewayStatus {
        if (v != 1) {
            throw new IllegalArgumentException("v must be 1, was " + v);
        }
        if (!Topics.validGatewayId(gateway)) {
            throw new IllegalArgumentException("gateway is not a valid gateway id: " + gateway);
        }
        Objects.requireNonNull(state, "state");
        if (devices < 0 || samplesIn < 0 || samplesOut < 0 || gaps < 0 || invalidFrames < 0 || queueDepth < 0
                || reconnects < 0 || (unconfirmed != null && unconfirmed < 0) || (queueAgeMs != null && queueAgeMs < 0)) {
            throw new IllegalArgumentException("gateway counters must be >= 0");
        }
    }

    /** A status without the delivery members. */
    public GatewayStatus(int v, String gateway, DeviceState state, long at, int devices, long samplesIn,
                         long samplesOut, long gaps, long invalidFrames, long queueDepth, long reconnects) {
        this(v, gateway, state, at, devices, samplesIn, samplesOut, gaps, invalidFrames, queueDepth, reconnects, null,
                null);
    }

    /** The payload the broker publishes for a gateway that vanished. */
    public static GatewayStatus lost(String gateway) {
        return new GatewayStatus(1, gateway, DeviceState.LOST, 0, 0, 0, 0, 0, 0, 0, 0);
    }
}
