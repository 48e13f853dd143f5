package dev.spinetrack.protocol.gatt;

import dev.spinetrack.protocol.DecodeErrorKind;
import dev.spinetrack.protocol.DecodeResult;

/**
 * The value of the Boot record characteristic (PROTOCOL.md §3.3): how many times the device
 * has powered on, kept in its non-volatile memory and incremented at every power-on before the
 * first frame. Sequence numbers restart at 0 after a power-on, so a sample is named by
 * (device, boot, seq), which no reboot, gateway restart or move to another gateway repeats.
 *
 * @param bootCount power-ons so far, 0..4294967295 (u32 on the wire)
 */
public record BootRecord(long bootCount) {

    /** Version byte of this layout. */
    public static final int VERSION = 1;
    /** Length of the value in bytes. */
    public static final int LENGTH = 5;

    public BootRecord {
        if (bootCount < 0 || bootCount > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("bootCount must be a u32, was " + bootCount);
        }
    }

    /** The 5-byte value: version 1, then the counter as u32 little-endian. */
    public byte[] encode() {
        return new byte[] {VERSION, (byte) bootCount, (byte) (bootCount >>> 8), (byte) (bootCount >>> 16),
                (byte) (bootCount >>> 24)};
    }

    /** Decodes a value; never throws. */
    public static DecodeResult<BootRecord> decode(byte[] value) {
        if (value == null || value.length == 0) {
            return DecodeResult.err(DecodeErrorKind.TRUNCATED, "version", 0, "empty boot record");
        }
        if ((value[0] & 0xFF) != VERSION) {
            return DecodeResult.err(DecodeErrorKind.BAD_VERSION, "version", 0,
                    "boot record version " + (value[0] & 0xFF) + " is not 1");
        }
        if (value.length < LENGTH) {
            return DecodeResult.err(DecodeErrorKind.TRUNCATED, "bootCount", 1,
                    "boot record holds " + value.length + " of 5 bytes");
        }
        if (value.length > LENGTH) {
            return DecodeResult.err(DecodeErrorKind.BAD_LENGTH, "record", LENGTH,
                    "boot record has " + (value.length - LENGTH) + " byte(s) after its end");
        }
        long n = (value[1] & 0xFFL) | (value[2] & 0xFFL) << 8 | (value[3] & 0xFFL) << 16 | (value[4] & 0xFFL) << 24;
        return DecodeResult.ok(new BootRecord(n));
    }
}
