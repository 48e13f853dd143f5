package dev.spinetrack.protocol.gatt;

import java.util.Objects;

/**
 * The indicated answer to a control-point write. {@code requestOpcode} is the raw byte so a
 * device can answer OPCODE_NOT_SUPPORTED to an opcode this version does not know.
 */
public record ControlResult(int requestOpcode, ResultCode result) {

    public ControlResult {
        Objects.requireNonNull(result, "result");
        if (requestOpcode < 0 || requestOpcode > 0xFF) {
            throw new IllegalArgumentException("request opcode must be a byte, was " + requestOpcode);
        }
    }

    public static ControlResult of(ControlOpcode opcode, ResultCode result) {
        return new ControlResult(opcode.code(), result);
    }

    public boolean succeeded() {
        return result == ResultCode.SUCCESS;
    }
}
