package dev.spinetrack.protocol.gatt;

import dev.spinetrack.protocol.DecodeErrorKind;
import dev.spinetrack.protocol.DecodeResult;
import dev.spinetrack.protocol.region.Side;
import dev.spinetrack.protocol.region.SpinalLevel;

import java.util.ArrayList;
import java.util.List;

/** Byte codec of the capability record (PROTOCOL.md §2). */
public final class CapabilitiesCodec {

    /** Bytes before the first cell entry. */
    public static final int HEADER_LENGTH = 15;

    private CapabilitiesCodec() {
    }

    public static byte[] encode(DeviceCapabilities c) {
        byte[] out = new byte[HEADER_LENGTH + 2 * c.channelCount()];
        out[0] = (byte) DeviceCapabilities.VERSION;
        out[1] = (byte) c.kind().code();
        out[2] = (byte) c.firmwareMajor();
        out[3] = (byte) c.firmwareMinor();
        out[4] = (byte) c.firmwarePatch();
        LittleEndian.putU16(out, 5, c.minRateHz());
        LittleEndian.putU16(out, 7, c.maxRateHz());
        out[9] = (byte) c.unit().code();
        LittleEndian.putU16(out, 10, c.scaleMilli());
        LittleEndian.putU16(out, 12, c.contactThresholdRaw());
        out[14] = (byte) c.channelCount();
        int p = HEADER_LENGTH;
        for (CellPlacement cell : c.cells()) {
            out[p++] = (byte) (cell.placed() ? cell.level().code() : 0);
            out[p++] = (byte) cell.side().code();
        }
        return out;
    }

    public static DecodeResult<DeviceCapabilities> decode(byte[] b) {
        int avail = b == null ? 0 : b.length;
        if (avail < 1) {
            return DecodeResult.err(DecodeErrorKind.TRUNCATED, "version", 0, "capability record is empty");
        }
        if (b[0] != DeviceCapabilities.VERSION) {
            return DecodeResult.err(DecodeErrorKind.BAD_VERSION, "version", 0,
                    "capability record version " + (b[0] & 0xFF) + " is not supported (expected 1)");
        }
        if (avail < HEADER_LENGTH) {
            return DecodeResult.err(DecodeErrorKind.TRUNCATED, "header", avail,
                    "capability record needs " + HEADER_LENGTH + " header bytes, " + avail + " present");
        }
        DeviceKind kind = DeviceKind.ofCode(b[1] & 0xFF);
        if (kind == null) {
            return DecodeResult.err(DecodeErrorKind.OUT_OF_RANGE, "kind", 1, "device kind " + (b[1] & 0xFF)
                    + " is not 1 (RACK) or 2 (BALL)");
        }
        int minRate = LittleEndian.u16(b, 5);
        if (minRate < 1 || minRate > 1000) {
            return DecodeResult.err(DecodeErrorKind.OUT_OF_RANGE, "minRateHz", 5,
                    "minimum rate " + minRate + " Hz outside [1, 1000]");
        }
        int maxRate = LittleEndian.u16(b, 7);
        if (maxRate < minRate || maxRate > 1000) {
            return DecodeResult.err(DecodeErrorKind.OUT_OF_RANGE, "maxRateHz", 7,
                    "maximum rate " + maxRate + " Hz outside [" + minRate + ", 1000]");
        }
        PressureUnit unit = PressureUnit.ofCode(b[9] & 0xFF);
        if (unit == null) {
            return DecodeResult.err(DecodeErrorKind.OUT_OF_RANGE, "unit", 9,
                    "pressure unit " + (b[9] & 0xFF) + " is not 1 (N) or 2 (kPa)");
        }
        int scale = LittleEndian.u16(b, 10);
        if (scale == 0) {
            return DecodeResult.err(DecodeErrorKind.OUT_OF_RANGE, "scaleMilli", 10, "scale must not be 0");
        }
        int threshold = LittleEndian.u16(b, 12);
        if (threshold > SampleFrame.MAX_PRESSURE) {
            return DecodeResult.err(DecodeErrorKind.OUT_OF_RANGE, "contactThreshold", 12,
                    "contact threshold 0xFFFF is reserved");
        }
        int n = b[14] & 0xFF;
        int minCells = kind == DeviceKind.BALL ? 1 : 2;
        int maxCells = kind == DeviceKind.BALL ? 1 : SampleFrame.MAX_CHANNELS;
        if (n < minCells || n > maxCells) {
            return DecodeResult.err(DecodeErrorKind.BAD_LENGTH, "cellCount", 14,
                    "a " + kind + " has " + minCells + ".." + maxCells + " cells, record says " + n);
        }
        int length = HEADER_LENGTH + 2 * n;
        if (avail < length) {
            return DecodeResult.err(DecodeErrorKind.TRUNCATED, "cells", avail,
                    "record needs " + length + " bytes for " + n + " cells, " + avail + " present");
        }
        if (avail > length) {
            return DecodeResult.err(DecodeErrorKind.BAD_LENGTH, "record", length,
                    (avail - length) + " trailing byte(s) after " + n + " cells");
        }
        List<CellPlacement> cells = new ArrayList<>(n);
        for (int i = 0, p = HEADER_LENGTH; i < n; i++, p += 2) {
            int levelCode = b[p] & 0xFF;
            Side side = Side.ofCode(b[p + 1] & 0xFF);
            if (kind == DeviceKind.BALL) {
                if (levelCode != 0 || side != Side.NONE) {
                    return DecodeResult.err(DecodeErrorKind.OUT_OF_RANGE, "cells[" + i + "]", p,
                            "a ball's channel is unplaced (level 0, side 0)");
                }
                cells.add(CellPlacement.UNPLACED);
                continue;
            }
            SpinalLevel level = SpinalLevel.ofCode(levelCode);
            if (level == null) {
                return DecodeResult.err(DecodeErrorKind.OUT_OF_RANGE, "cells[" + i + "].level", p,
                        "level code " + levelCode + " outside [7 (C7), 24 (L5)]");
            }
            if (side == null || side == Side.NONE) {
                return DecodeResult.err(DecodeErrorKind.OUT_OF_RANGE, "cells[" + i + "].side", p + 1,
                        "side code " + (b[p + 1] & 0xFF) + " is not 1 (LEFT) or 2 (RIGHT)");
            }
            cells.add(new CellPlacement(level, side));
        }
        return DecodeResult.ok(new DeviceCapabilities(kind, b[2] & 0xFF, b[3] & 0xFF, b[4] & 0xFF,
                minRate, maxRate, unit, scale, threshold, cells));
    }
}
