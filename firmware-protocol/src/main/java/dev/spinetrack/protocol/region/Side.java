package dev.spinetrack.protocol.region;

/** Side of the spine; {@code NONE} only for a channel with no fixed place (a ball). */
public enum Side {
    NONE(0), LEFT(1), RIGHT(2);

    private final int code;

    Side(int code) {
        this.code = code;
    }

    /** Byte code in the capability record. */
    public int code() {
        return code;
    }

    /** The side for a byte code, or {@code null} when the code is undefined. */
    public static Side ofCode(int code) {
        for (Side s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        return null;
    }
}
