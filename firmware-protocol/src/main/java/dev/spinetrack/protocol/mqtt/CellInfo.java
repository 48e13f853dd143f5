package dev.spinetrack.protocol.mqtt;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.spinetrack.protocol.region.Region;
import dev.spinetrack.protocol.region.Side;
import dev.spinetrack.protocol.region.SpinalLevel;

import java.util.Objects;

/**
 * A channel in device info: its spinal level, side and region (all absent for a ball).
 *
 * @param index  channel index in every sample's {@code p}
 * @param level  vertebral level, or null
 * @param side   LEFT, RIGHT or NONE
 * @param region region id, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CellInfo(@JsonProperty("index") int index, @JsonProperty("level") SpinalLevel level,
                       @JsonProperty("side") Side side, @JsonProperty("region") Region region) {

    public CellInfo {
        Objects.requireNonNull(side, "side");
        if (index < 0 || index > 31) {
            throw new IllegalArgumentException("index must be 0..31, was " + index);
        }
        if ((level == null) != (side == Side.NONE)) {
            throw new IllegalArgumentException("cell " + index + ": level and side go together");
        }
    }
}
