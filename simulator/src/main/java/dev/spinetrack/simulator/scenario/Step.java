package dev.spinetrack.simulator.scenario;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.spinetrack.protocol.region.Region;
import dev.spinetrack.protocol.region.SpinalLevel;

/**
 * One scripted step of a device, as written in a scenario file. Which fields matter depends
 * on the activity; {@link ScenarioValidator} checks them.
 *
 * @param activity  {@code rest}, {@code lie}, {@code roll}, {@code hold}, {@code cat-cow}, {@code kneeling-twist}
 * @param seconds   duration of the step, seconds
 * @param region    ball steps: the worked region, e.g. {@code MID_THORACIC_LEFT}
 * @param level     rack {@code lie}: the spinal level the body is centred on, e.g. {@code T8}
 * @param pressure  ball: mean pressure in kPa; rack: load on the rack in N; 0 for the default
 * @param reps      exercise steps: reps in this set
 * @param lean      rack: side bias in [-1, 1], negative loads the left cells more
 * @param label     free text, e.g. {@code tender spot 1}
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record Step(@JsonProperty("do") String activity, double seconds, String region, String level,
                   double pressure, int reps, double lean, String label) {

    /** The parsed activity. */
    public Activity kind() {
        return Activity.parse(activity);
    }

    /** Duration in milliseconds. */
    public long durationMs() {
        return Math.round(seconds * 1000.0);
    }

    /** The parsed region, or {@code null} when none is given. */
    public Region regionOrNull() {
        return region == null ? null : Region.valueOf(region.trim().toUpperCase());
    }

    /** The parsed level, or {@code null} when none is given. */
    public SpinalLevel levelOrNull() {
        return level == null ? null : SpinalLevel.valueOf(level.trim().toUpperCase());
    }
}
