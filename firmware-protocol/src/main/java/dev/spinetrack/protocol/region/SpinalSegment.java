package dev.spinetrack.protocol.region;

import java.util.List;

/** Segments of the spine that regions are made of, from the neck down. */
public enum SpinalSegment {
    CERVICOTHORACIC("Cervicothoracic", SpinalLevel.C7, SpinalLevel.T1,
            List.of(Muscle.MIDDLE_TRAPEZIUS, Muscle.RHOMBOIDS, Muscle.ERECTOR_SPINAE)),
    UPPER_THORACIC("Upper thoracic", SpinalLevel.T2, SpinalLevel.T4,
            List.of(Muscle.MIDDLE_TRAPEZIUS, Muscle.RHOMBOIDS, Muscle.ERECTOR_SPINAE)),
    MID_THORACIC("Mid thoracic", SpinalLevel.T5, SpinalLevel.T8,
            List.of(Muscle.MIDDLE_TRAPEZIUS, Muscle.LOWER_TRAPEZIUS, Muscle.RHOMBOIDS, Muscle.ERECTOR_SPINAE)),
    LOWER_THORACIC("Lower thoracic", SpinalLevel.T9, SpinalLevel.T12,
            List.of(Muscle.LOWER_TRAPEZIUS, Muscle.ERECTOR_SPINAE)),
    LUMBAR("Lumbar", SpinalLevel.L1, SpinalLevel.L5, List.of(Muscle.ERECTOR_SPINAE));

    private final String label;
    private final SpinalLevel top;
    private final SpinalLevel bottom;
    private final List<Muscle> muscles;

    SpinalSegment(String label, SpinalLevel top, SpinalLevel bottom, List<Muscle> muscles) {
        this.label = label;
        this.top = top;
        this.bottom = bottom;
        this.muscles = muscles;
    }

    public String label() {
        return label;
    }

    /** Highest (most cranial) level of the segment. */
    public SpinalLevel top() {
        return top;
    }

    /** Lowest (most caudal) level of the segment. */
    public SpinalLevel bottom() {
        return bottom;
    }

    /** Muscles that lie over this segment. */
    public List<Muscle> muscles() {
        return muscles;
    }

    /** Whether the level belongs to this segment. */
    public boolean contains(SpinalLevel level) {
        return level.ordinal() >= top.ordinal() && level.ordinal() <= bottom.ordinal();
    }

    /** The segment that holds a level. */
    public static SpinalSegment of(SpinalLevel level) {
        for (SpinalSegment s : values()) {
            if (s.contains(level)) {
                return s;
            }
        }
        throw new IllegalStateException("no segment holds " + level);
    }
}
