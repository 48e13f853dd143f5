package dev.spinetrack.server.program;

/** What a program step asks of the user. */
public enum StepKind {
    /** Massage with ball or rack: timed work per side over regions, in rounds. */
    MASSAGE,
    /** Mobilization: sets of reps counted from tilt (cat-cow, kneeling twist, rack mobility). */
    MOBILIZE,
    /** Strengthening: sets of reps the user logs (not sensed). */
    STRENGTHEN,
    /** Rack decompression: timed lying at successive spinal levels. */
    DECOMPRESS
}
