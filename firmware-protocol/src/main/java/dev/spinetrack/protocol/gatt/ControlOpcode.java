package dev.spinetrack.protocol.gatt;

/** Control-point opcodes (PROTOCOL.md §5). */
public enum ControlOpcode {
    START_STREAM(0x01, 0),
    STOP_STREAM(0x02, 0),
    SET_RATE(0x03, 2),
    TARE(0x04, 1),
    SET_TIME(0x05, 8),
    IDENTIFY(0x06, 1);

    /** Opcode that starts every indicated result. */
    public static final int RESPONSE = 0x80;

    private final int code;
    private final int parameterLength;

    ControlOpcode(int code, int parameterLength) {
        this.code = code;
        this.parameterLength = parameterLength;
    }

    public int code() {
        return code;
    }

    /** Bytes of parameters after the opcode byte. */
    public int parameterLength() {
        return parameterLength;
    }

    /** The opcode for a byte, or {@code null} when undefined. */
    public static ControlOpcode ofCode(int code) {
        for (ControlOpcode o : values()) {
            if (o.code == code) {
                return o;
            }
        }
        return null;
    }
}
