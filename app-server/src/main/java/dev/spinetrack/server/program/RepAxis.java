package dev.spinetrack.server.program;

/** Which tilt angle a rep-counted exercise moves: cat-cow bends in pitch, a twist in roll. */
public enum RepAxis {
    /** Not sensed: the user logs the reps. */
    NONE,
    /** Forward/backward tilt, e.g. cat-cow. */
    PITCH,
    /** Sideways rotation, e.g. the kneeling mid-back twist. */
    ROLL
}
