package dev.spinetrack.gateway.ble;

/** A BLE operation failed; the message says which operation, on which device, and why. */
public class BleException extends Exception {
    public BleException(String message) {
        super(message);
    }

    public BleException(String message, Throwable cause) {
        super(message, cause);
    }
}
