package dev.spinetrack.protocol.gatt;

import java.util.List;
import java.util.Objects;

/**
 * The capability record a device serves on its capabilities characteristic (PROTOCOL.md §2).
 *
 * @param kind                  rack or ball
 * @param firmwareMajor         firmware version, major
 * @param firmwareMinor         firmware version, minor
 * @param firmwarePatch         firmware version, patch
 * @param minRateHz             lowest sample rate, [1, 1000]
 * @param maxRateHz             highest sample rate, [minRateHz, 1000]
 * @param unit                  pressure unit
 * @param scaleMilli            thousandths of a unit per raw count, [1, 65535]
 * @param contactThresholdRaw   raw count above which a sample is in contact, [0, 65534]
 * @param cells                 one placement per channel: 1 unplaced channel for a ball,
 *                              2..32 placed cells for a rack
 */
public record DeviceCapabilities(DeviceKind kind, int firmwareMajor, int firmwareMinor, int firmwarePatch,
                                 int minRateHz, int maxRateHz, PressureUnit unit, int scaleMilli,
                                 int contactThresholdRaw, List<CellPlacement> cells) {

    /** Capability record version this class encodes. */
    public static final int VERSION = 1;

    public DeviceCapabilities {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(unit, "unit");
        byteRange("firmwareMajor", firmwareMajor);
        byteRange("firmwareMinor", firmwareMinor);
        byteRange("firmwarePatch", firmwarePatch);
        if (minRateHz < 1 || minRateHz > 1000 || maxRateHz < minRateHz || maxRateHz > 1000) {
            throw new IllegalArgumentException("rates must satisfy 1 <= min <= max <= 1000, were "
                    + minRateHz + ".." + maxRateHz);
        }
        if (scaleMilli < 1 || scaleMilli > 0xFFFF) {
            throw new IllegalArgumentException("scaleMilli out of range: " + scaleMilli);
        }
        if (contactThresholdRaw < 0 || contactThresholdRaw > SampleFrame.MAX_PRESSURE) {
            throw new IllegalArgumentException("contactThresholdRaw out of range: " + contactThresholdRaw);
        }
        cells = List.copyOf(cells);
        if (kind == DeviceKind.BALL && (cells.size() != 1 || cells.get(0).placed())) {
            throw new IllegalArgumentException("a ball has exactly one unplaced channel");
        }
        if (kind == DeviceKind.RACK) {
            if (cells.size() < 2 || cells.size() > SampleFrame.MAX_CHANNELS) {
                throw new IllegalArgumentException("a rack has 2..32 cells, had " + cells.size());
            }
            for (int i = 0; i < cells.size(); i++) {
                if (!cells.get(i).placed()) {
                    throw new IllegalArgumentException("rack cell " + i + " has no level and side");
                }
            }
        }
    }

    private static void byteRange(String field, int v) {
        if (v < 0 || v > 255) {
            throw new IllegalArgumentException(field + " out of range: " + v);
        }
    }

    /** Number of pressure channels, which every sample frame of this device carries. */
    public int channelCount() {
        return cells.size();
    }

    /** Firmware version as {@code major.minor.patch}. */
    public String firmwareVersion() {
        return firmwareMajor + "." + firmwareMinor + "." + firmwarePatch;
    }

    /** A raw count in physical units. */
    public double toUnits(int raw) {
        return raw * (double) scaleMilli / 1000.0;
    }

    /** The contact threshold in physical units. */
    public double contactThreshold() {
        return toUnits(contactThresholdRaw);
    }
}
