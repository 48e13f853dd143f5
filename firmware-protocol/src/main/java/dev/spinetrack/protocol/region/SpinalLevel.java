package dev.spinetrack.protocol.region;

/**
 * Vertebral levels a rack cell can sit at, C7 to L5, with the byte code used in the
 * capability record (C7 = 7, T1 = 8 ... T12 = 19, L1 = 20 ... L5 = 24).
 */
public enum SpinalLevel {
    C7, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, L1, L2, L3, L4, L5;

    /** Smallest byte code of a level. */
    public static final int MIN_CODE = 7;
    /** Largest byte code of a level. */
    public static final int MAX_CODE = 24;

    /** Byte code in the capability record. */
    public int code() {
        return MIN_CODE + ordinal();
    }

    /** The level for a byte code, or {@code null} when outside [7, 24]. */
    public static SpinalLevel ofCode(int code) {
        if (code < MIN_CODE || code > MAX_CODE) {
            return null;
        }
        return values()[code - MIN_CODE];
    }

    /** The level nearest to a fractional position in code units (e.g. a pressure centroid). */
    public static SpinalLevel nearest(double codePosition) {
        long rounded = Math.round(codePosition);
        return values()[(int) Math.max(MIN_CODE, Math.min(MAX_CODE, rounded)) - MIN_CODE];
    }
}
