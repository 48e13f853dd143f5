package dev.spinetrack.protocol.gatt;

/** Physical unit of a device's pressure channels; byte codes from PROTOCOL.md §2. */
public enum PressureUnit {
    /** Force on a cell, newtons (racks). */
    NEWTON(1, "N"),
    /** Internal pressure, kilopascals (balls). */
    KILOPASCAL(2, "kPa");

    private final int code;
    private final String symbol;

    PressureUnit(int code, String symbol) {
        this.code = code;
        this.symbol = symbol;
    }

    public int code() {
        return code;
    }

    public String symbol() {
        return symbol;
    }

    /** The unit for a byte code, or {@code null} when undefined. */
    public static PressureUnit ofCode(int code) {
        for (PressureUnit u : values()) {
            if (u.code == code) {
                return u;
            }
        }
        return null;
    }
}
