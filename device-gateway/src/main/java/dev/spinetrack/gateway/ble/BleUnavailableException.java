package dev.spinetrack.gateway.ble;

/**
 * No usable Bluetooth stack on this machine (no native library for this CPU, no BlueZ on the
 * D-Bus system bus, no powered adapter). The message says what to check and names
 * {@code --simulate}; it is meant to be printed as is, without a stack trace.
 */
public class BleUnavailableException extends RuntimeException {
    public BleUnavailableException(String message) {
        super(message);
    }
}
