package dev.spinetrack.protocol.gatt;

import dev.spinetrack.protocol.DecodeErrorKind;
import dev.spinetrack.protocol.DecodeResult;

import java.util.ArrayList;
import java.util.List;

/** Byte codec of sample frames and of packets of frames (PROTOCOL.md §3, §4). */
public final class SampleFrameCodec {

    /** Bytes before the first pressure channel. */
    public static final int HEADER_LENGTH = 15;

    static final int FLAG_BATTERY = 0x01;
    static final int FLAG_TARED = 0x02;
    static final int FLAG_CLOCK_SET = 0x04;
    static final int RESERVED_FLAGS = 0xF8;

    private SampleFrameCodec() {
    }

    /** Encodes one frame. */
    public static byte[] encode(SampleFrame frame) {
        byte[] out = new byte[frame.encodedLength()];
        encodeInto(frame, out, 0);
        return out;
    }

    /** Encodes one frame at {@code at} and returns the offset after it. */
    public static int encodeInto(SampleFrame frame, byte[] out, int at) {
        int flags = (frame.hasBattery() ? FLAG_BATTERY : 0) | (frame.tared() ? FLAG_TARED : 0)
                | (frame.clockSet() ? FLAG_CLOCK_SET : 0);
        out[at] = (byte) SampleFrame.VERSION;
        out[at + 1] = (byte) flags;
        LittleEndian.putU32(out, at + 2, frame.sequence());
        LittleEndian.putU32(out, at + 6, frame.timestampMs());
        LittleEndian.putU16(out, at + 10, frame.pitchCenti());
        LittleEndian.putU16(out, at + 12, frame.rollCenti());
        int n = frame.channelCount();
        out[at + 14] = (byte) n;
        int p = at + HEADER_LENGTH;
        for (int i = 0; i < n; i++, p += 2) {
            LittleEndian.putU16(out, p, frame.pressure(i));
        }
        if (frame.hasBattery()) {
            out[p++] = (byte) frame.battery();
        }
        return p;
    }

    /** Decodes exactly one frame; trailing bytes are a {@code BAD_LENGTH} error. */
    public static DecodeResult<SampleFrame> decode(byte[] bytes) {
        if (bytes == null) {
            return DecodeResult.err(DecodeErrorKind.TRUNCATED, "version", 0, "no bytes");
        }
        DecodeResult<Decoded> r = decodeAt(bytes, 0);
        if (r instanceof DecodeResult.Ok<Decoded> ok) {
            if (ok.value().next() != bytes.length) {
                return DecodeResult.err(DecodeErrorKind.BAD_LENGTH, "frame", ok.value().next(),
                        (bytes.length - ok.value().next()) + " trailing byte(s) after the frame");
            }
            return DecodeResult.ok(ok.value().frame());
        }
        return DecodeResult.err(r.errorOrNull().kind(), r.errorOrNull().field(), r.errorOrNull().offset(),
                r.errorOrNull().detail());
    }

    /** Decodes a packet of back-to-back frames; the first bad frame fails the whole packet. */
    public static DecodeResult<List<SampleFrame>> decodePacket(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return DecodeResult.err(DecodeErrorKind.TRUNCATED, "version", 0, "empty packet");
        }
        List<SampleFrame> frames = new ArrayList<>(4);
        int at = 0;
        while (at < bytes.length) {
            DecodeResult<Decoded> r = decodeAt(bytes, at);
            if (r instanceof DecodeResult.Ok<Decoded> ok) {
                frames.add(ok.value().frame());
                at = ok.value().next();
            } else {
                var e = r.errorOrNull();
                return DecodeResult.err(e.kind(), e.field(), e.offset(), e.detail());
            }
        }
        return DecodeResult.ok(List.copyOf(frames));
    }

    /** A frame and the offset just after it. */
    public record Decoded(SampleFrame frame, int next) {
    }

    /**
     * Decodes the frame starting at {@code at} (>= 0); offsets in errors are relative to
     * {@code bytes}. {@code null} or no bytes at {@code at} is a {@code TRUNCATED} error.
     */
    public static DecodeResult<Decoded> decodeAt(byte[] b, int at) {
        if (at < 0) {
            throw new IllegalArgumentException("frame offset must be >= 0, was " + at);
        }
        int avail = b == null ? 0 : b.length - at;
        if (avail < 1) {
            return DecodeResult.err(DecodeErrorKind.TRUNCATED, "version", at, "frame needs a version byte");
        }
        int version = LittleEndian.u8(b, at);
        if (version != SampleFrame.VERSION) {
            return DecodeResult.err(DecodeErrorKind.BAD_VERSION, "version", at,
                    "frame version " + version + " is not supported (expected 1)");
        }
        if (avail < 2) {
            return truncated("flags", at + 1, 2, avail);
        }
        int flags = LittleEndian.u8(b, at + 1);
        if ((flags & RESERVED_FLAGS) != 0) {
            return DecodeResult.err(DecodeErrorKind.OUT_OF_RANGE, "flags", at + 1,
                    String.format("reserved flag bits set: 0x%02x", flags & RESERVED_FLAGS));
        }
        if (avail < HEADER_LENGTH) {
            return truncated(fieldAtHeader(avail), at + headerFieldOffset(avail), HEADER_LENGTH, avail);
        }
        int pitch = LittleEndian.i16(b, at + 10);
        if (pitch < -9000 || pitch > 9000) {
            return DecodeResult.err(DecodeErrorKind.OUT_OF_RANGE, "pitch", at + 10,
                    "pitch " + pitch + " centi-degrees outside [-9000, 9000]");
        }
        int roll = LittleEndian.i16(b, at + 12);
        if (roll < -18000 || roll > 18000) {
            return DecodeResult.err(DecodeErrorKind.OUT_OF_RANGE, "roll", at + 12,
                    "roll " + roll + " centi-degrees outside [-18000, 18000]");
        }
        int n = LittleEndian.u8(b, at + 14);
        if (n < 1 || n > SampleFrame.MAX_CHANNELS) {
            return DecodeResult.err(DecodeErrorKind.BAD_LENGTH, "channelCount", at + 14,
                    "channel count " + n + " outside [1, 32]");
        }
        boolean hasBattery = (flags & FLAG_BATTERY) != 0;
        int length = HEADER_LENGTH + 2 * n + (hasBattery ? 1 : 0);
        if (avail < length) {
            int need = HEADER_LENGTH + 2 * n;
            String field = avail < need ? "pressure[" + (avail - HEADER_LENGTH) / 2 + "]" : "battery";
            int off = avail < need ? at + HEADER_LENGTH + ((avail - HEADER_LENGTH) / 2) * 2 : at + need;
            return truncated(field, off, length, avail);
        }
        int[] pressures = new int[n];
        int p = at + HEADER_LENGTH;
        for (int i = 0; i < n; i++, p += 2) {
            int v = LittleEndian.u16(b, p);
            if (v > SampleFrame.MAX_PRESSURE) {
                return DecodeResult.err(DecodeErrorKind.OUT_OF_RANGE, "pressure[" + i + "]", p,
                        "pressure 0xFFFF marks a faulty channel");
            }
            pressures[i] = v;
        }
        int battery = SampleFrame.NO_BATTERY;
        if (hasBattery) {
            battery = LittleEndian.u8(b, p);
            if (battery > 100) {
                return DecodeResult.err(DecodeErrorKind.OUT_OF_RANGE, "battery", p,
                        "battery " + battery + " % outside [0, 100]");
            }
            p++;
        }
        SampleFrame frame = new SampleFrame(LittleEndian.u32(b, at + 2), LittleEndian.u32(b, at + 6),
                pitch, roll, pressures, battery, (flags & FLAG_TARED) != 0, (flags & FLAG_CLOCK_SET) != 0);
        return DecodeResult.ok(new Decoded(frame, p));
    }

    private static String fieldAtHeader(int avail) {
        if (avail < 6) {
            return "sequence";
        } else if (avail < 10) {
            return "timestamp";
        } else if (avail < 12) {
            return "pitch";
        } else if (avail < 14) {
            return "roll";
        }
        return "channelCount";
    }

    private static int headerFieldOffset(int avail) {
        if (avail < 6) {
            return 2;
        } else if (avail < 10) {
            return 6;
        } else if (avail < 12) {
            return 10;
        } else if (avail < 14) {
            return 12;
        }
        return 14;
    }

    private static <T> DecodeResult<T> truncated(String field, int offset, int need, int avail) {
        return DecodeResult.err(DecodeErrorKind.TRUNCATED, field, offset,
                "frame needs " + need + " bytes, " + avail + " present");
    }
}
