package dev.spinetrack.protocol.region;

import java.util.List;

/**
 * A region of the back: a spinal segment on one side of the spine. Its {@link #name()} is
 * the id used on the wire and in the API (e.g. {@code MID_THORACIC_LEFT}).
 */
public enum Region {
    CERVICOTHORACIC_LEFT(SpinalSegment.CERVICOTHORACIC, Side.LEFT),
    CERVICOTHORACIC_RIGHT(SpinalSegment.CERVICOTHORACIC, Side.RIGHT),
    UPPER_THORACIC_LEFT(SpinalSegment.UPPER_THORACIC, Side.LEFT),
    UPPER_THORACIC_RIGHT(SpinalSegment.UPPER_THORACIC, Side.RIGHT),
    MID_THORACIC_LEFT(SpinalSegment.MID_THORACIC, Side.LEFT),
    MID_THORACIC_RIGHT(SpinalSegment.MID_THORACIC, Side.RIGHT),
    LOWER_THORACIC_LEFT(SpinalSegment.LOWER_THORACIC, Side.LEFT),
    LOWER_THORACIC_RIGHT(SpinalSegment.LOWER_THORACIC, Side.RIGHT),
    LUMBAR_LEFT(SpinalSegment.LUMBAR, Side.LEFT),
    LUMBAR_RIGHT(SpinalSegment.LUMBAR, Side.RIGHT);

    private final SpinalSegment segment;
    private final Side side;

    Region(SpinalSegment segment, Side side) {
        this.segment = segment;
        this.side = side;
    }

    public SpinalSegment segment() {
        return segment;
    }

    public Side side() {
        return side;
    }

    /** Muscles in this region. */
    public List<Muscle> muscles() {
        return segment.muscles();
    }

    /** Label for people, e.g. "Mid thoracic, left". */
    public String label() {
        return segment.label() + ", " + side.name().toLowerCase();
    }

    /** The same segment on the other side. */
    public Region opposite() {
        return of(segment, side == Side.LEFT ? Side.RIGHT : Side.LEFT);
    }

    /** The region of a segment and side; {@code side} must be LEFT or RIGHT. */
    public static Region of(SpinalSegment segment, Side side) {
        if (side == Side.NONE) {
            throw new IllegalArgumentException("a region needs a side, LEFT or RIGHT");
        }
        return values()[segment.ordinal() * 2 + (side == Side.LEFT ? 0 : 1)];
    }
}
