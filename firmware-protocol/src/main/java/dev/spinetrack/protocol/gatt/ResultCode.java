package dev.spinetrack.protocol.gatt;

/** Result codes of an indicated control-point response (PROTOCOL.md §5). */
public enum ResultCode {
    SUCCESS(0x01),
    OPCODE_NOT_SUPPORTED(0x02),
    INVALID_PARAMETER(0x03),
    OPERATION_FAILED(0x04),
    BUSY(0x05);

    private final int code;

    ResultCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The result for a byte, or {@code null} when undefined. */
    public static ResultCode ofCode(int code) {
        for (ResultCode r : values()) {
            if (r.code == code) {
                return r;
            }
        }
        return null;
    }
}
