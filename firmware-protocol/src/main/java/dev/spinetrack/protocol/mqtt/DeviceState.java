package dev.spinetrack.protocol.mqtt;

/** Link state of a device or gateway as published on status topics. */
public enum DeviceState {
    /** Connected and streaming. */
    ONLINE,
    /** Disconnected on purpose (stopped, gateway shut down cleanly). */
    OFFLINE,
    /** The link was lost: out of range, powered off, gateway died (LWT). */
    LOST
}
