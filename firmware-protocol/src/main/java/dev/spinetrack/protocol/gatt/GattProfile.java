package dev.spinetrack.protocol.gatt;

import java.util.UUID;

/** Service and characteristic UUIDs of the SpineTrack GATT profile (PROTOCOL.md §1). */
public final class GattProfile {

    /** Primary service every SpineTrack device advertises. */
    public static final UUID SERVICE = UUID.fromString("53540000-7370-696e-6574-7261636b0000");
    /** Sample stream: notify; carries fragments of packed sample frames. */
    public static final UUID SAMPLE_STREAM = UUID.fromString("53540001-7370-696e-6574-7261636b0000");
    /** Capability record: read. */
    public static final UUID CAPABILITIES = UUID.fromString("53540002-7370-696e-6574-7261636b0000");
    /** Control point: write; results come back as indications on the same characteristic. */
    public static final UUID CONTROL_POINT = UUID.fromString("53540003-7370-696e-6574-7261636b0000");
    /**
     * Boot record: read; the device's power-on counter ({@link BootRecord}). Added within
     * version 1: a device without it has boot 0 (PROTOCOL.md §3.3).
     */
    public static final UUID BOOT_RECORD = UUID.fromString("53540004-7370-696e-6574-7261636b0000");
    /** Standard Battery Service (0x180F). */
    public static final UUID BATTERY_SERVICE = UUID.fromString("0000180f-0000-1000-8000-00805f9b34fb");
    /** Standard Battery Level characteristic (0x2A19): read, notify; one byte 0..100. */
    public static final UUID BATTERY_LEVEL = UUID.fromString("00002a19-0000-1000-8000-00805f9b34fb");

    /** ATT MTU every link starts with. */
    public static final int DEFAULT_MTU = 23;
    /** Largest ATT MTU a SpineTrack device negotiates. */
    public static final int MAX_MTU = 247;
    /** ATT notification header (opcode + handle) that the MTU also has to carry. */
    public static final int ATT_HEADER = 3;

    private GattProfile() {
    }

    /** Bytes of value one notification can carry at the given MTU. */
    public static int attPayload(int mtu) {
        if (mtu < DEFAULT_MTU || mtu > MAX_MTU) {
            throw new IllegalArgumentException("MTU must be in [23, 247], was " + mtu);
        }
        return mtu - ATT_HEADER;
    }
}
