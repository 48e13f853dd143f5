package dev.spinetrack.protocol.gatt;

/** Little-endian reads and writes of unsigned fields; callers check bounds first. */
final class LittleEndian {

    private LittleEndian() {
    }

    static int u8(byte[] b, int at) {
        return b[at] & 0xFF;
    }

    static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    static int i16(byte[] b, int at) {
        return (short) u16(b, at);
    }

    static long u32(byte[] b, int at) {
        return (u16(b, at) | (long) u16(b, at + 2) << 16) & 0xFFFFFFFFL;
    }

    static long u64(byte[] b, int at) {
        return u32(b, at) | u32(b, at + 4) << 32;
    }

    static void putU16(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
    }

    static void putU32(byte[] b, int at, long v) {
        putU16(b, at, (int) (v & 0xFFFF));
        putU16(b, at + 2, (int) ((v >>> 16) & 0xFFFF));
    }

    static void putU64(byte[] b, int at, long v) {
        putU32(b, at, v & 0xFFFFFFFFL);
        putU32(b, at + 4, v >>> 32);
    }
}
