package dev.spinetrack.protocol.gatt;

import dev.spinetrack.protocol.DecodeErrorKind;
import dev.spinetrack.protocol.DecodeResult;

/** Byte codec of control-point commands and their indicated results (PROTOCOL.md §5). */
public final class ControlCodec {

    private ControlCodec() {
    }

    public static byte[] encode(ControlCommand command) {
        ControlOpcode op = command.opcode();
        byte[] out = new byte[1 + op.parameterLength()];
        out[0] = (byte) op.code();
        if (command instanceof ControlCommand.SetRate r) {
            LittleEndian.putU16(out, 1, r.hz());
        } else if (command instanceof ControlCommand.Tare t) {
            out[1] = (byte) t.channel();
        } else if (command instanceof ControlCommand.SetTime t) {
            LittleEndian.putU64(out, 1, t.epochMillis());
        } else if (command instanceof ControlCommand.Identify i) {
            out[1] = (byte) i.seconds();
        }
        return out;
    }

    public static DecodeResult<ControlCommand> decodeCommand(byte[] b) {
        if (b == null || b.length == 0) {
            return DecodeResult.err(DecodeErrorKind.TRUNCATED, "opcode", 0, "command is empty");
        }
        int code = b[0] & 0xFF;
        ControlOpcode op = ControlOpcode.ofCode(code);
        if (op == null) {
            return DecodeResult.err(DecodeErrorKind.UNKNOWN_OPCODE, "opcode", 0,
                    String.format("opcode 0x%02x is not defined", code));
        }
        int expected = 1 + op.parameterLength();
        if (b.length != expected) {
            return DecodeResult.err(b.length < expected ? DecodeErrorKind.TRUNCATED : DecodeErrorKind.BAD_LENGTH,
                    "parameters", Math.min(b.length, expected),
                    op + " takes " + op.parameterLength() + " parameter byte(s), got " + (b.length - 1));
        }
        return switch (op) {
            case START_STREAM -> DecodeResult.ok(new ControlCommand.StartStream());
            case STOP_STREAM -> DecodeResult.ok(new ControlCommand.StopStream());
            case SET_RATE -> {
                int hz = LittleEndian.u16(b, 1);
                yield hz < 1 || hz > 1000
                        ? DecodeResult.err(DecodeErrorKind.OUT_OF_RANGE, "rateHz", 1, "rate " + hz + " Hz outside [1, 1000]")
                        : DecodeResult.ok(new ControlCommand.SetRate(hz));
            }
            case TARE -> {
                int ch = b[1] & 0xFF;
                yield ch >= SampleFrame.MAX_CHANNELS && ch != ControlCommand.Tare.ALL_CHANNELS
                        ? DecodeResult.err(DecodeErrorKind.OUT_OF_RANGE, "channel", 1, "tare channel " + ch
                        + " is not 0..31 or 255 (all)")
                        : DecodeResult.ok(new ControlCommand.Tare(ch));
            }
            case SET_TIME -> {
                long ms = LittleEndian.u64(b, 1);
                yield ms < 0
                        ? DecodeResult.err(DecodeErrorKind.OUT_OF_RANGE, "epochMillis", 1, "epoch millis has the sign bit set")
                        : DecodeResult.ok(new ControlCommand.SetTime(ms));
            }
            case IDENTIFY -> {
                int s = b[1] & 0xFF;
                yield s < 1 || s > 60
                        ? DecodeResult.err(DecodeErrorKind.OUT_OF_RANGE, "seconds", 1, "identify for " + s + " s outside [1, 60]")
                        : DecodeResult.ok(new ControlCommand.Identify(s));
            }
        };
    }

    public static byte[] encode(ControlResult result) {
        return new byte[] {(byte) ControlOpcode.RESPONSE, (byte) result.requestOpcode(), (byte) result.result().code()};
    }

    public static DecodeResult<ControlResult> decodeResult(byte[] b) {
        if (b == null || b.length < 3) {
            int n = b == null ? 0 : b.length;
            return DecodeResult.err(DecodeErrorKind.TRUNCATED, n == 0 ? "opcode" : n == 1 ? "requestOpcode" : "result",
                    n, "a result has 3 bytes, " + n + " present");
        }
        if (b.length > 3) {
            return DecodeResult.err(DecodeErrorKind.BAD_LENGTH, "result", 3, (b.length - 3) + " trailing byte(s)");
        }
        if ((b[0] & 0xFF) != ControlOpcode.RESPONSE) {
            return DecodeResult.err(DecodeErrorKind.UNKNOWN_OPCODE, "opcode", 0,
                    String.format("result must start with 0x80, was 0x%02x", b[0] & 0xFF));
        }
        ResultCode rc = ResultCode.ofCode(b[2] & 0xFF);
        if (rc == null) {
            return DecodeResult.err(DecodeErrorKind.OUT_OF_RANGE, "result", 2,
                    String.format("result code 0x%02x is not defined", b[2] & 0xFF));
        }
        return DecodeResult.ok(new ControlResult(b[1] & 0xFF, rc));
    }
}
