package dev.spinetrack.simulator.scenario;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What the user does during one scripted step. */
public enum Activity {
    /** Off the device: no contact (ball lifted, user off the rack). */
    REST("rest"),
    /** Lying on the rack with the body centred on a spinal level. */
    LIE("lie"),
    /** Rolling strokes of the ball over a region. */
    ROLL("roll"),
    /** Static pressure of the ball on a (tender) spot of a region. */
    HOLD("hold"),
    /** Cat-cow reps: the IMU pitch cycles once per rep. */
    CAT_COW("cat-cow"),
    /** Kneeling mid-back twist reps: the IMU roll cycles once per rep. */
    KNEELING_TWIST("kneeling-twist");

    private final String id;

    Activity(String id) {
        this.id = id;
    }

    /** The name used in scenario files, e.g. {@code cat-cow}. */
    public String id() {
        return id;
    }

    /** Whether this step is an exercise set with reps. */
    public boolean isExercise() {
        return this == CAT_COW || this == KNEELING_TWIST;
    }

    /** Parses a scenario-file name; throws naming the allowed values. */
    public static Activity parse(String id) {
        for (Activity a : values()) {
            if (a.id.equalsIgnoreCase(id) || a.name().equalsIgnoreCase(id)) {
                return a;
            }
        }
        throw new IllegalArgumentException("activity '" + id + "' is not one of "
                + Arrays.stream(values()).map(Activity::id).collect(Collectors.joining(", ")));
    }
}
