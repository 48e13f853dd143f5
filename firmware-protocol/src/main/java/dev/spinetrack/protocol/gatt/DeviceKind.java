package dev.spinetrack.protocol.gatt;

/** What a device is; byte codes from PROTOCOL.md §2. */
public enum DeviceKind {
    RACK(1), BALL(2);

    private final int code;

    DeviceKind(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The kind for a byte code, or {@code null} when undefined. */
    public static DeviceKind ofCode(int code) {
        for (DeviceKind k : values()) {
            if (k.code == code) {
                return k;
            }
        }
        return null;
    }
}
