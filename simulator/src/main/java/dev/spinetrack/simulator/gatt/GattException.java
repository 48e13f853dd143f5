package dev.spinetrack.simulator.gatt;

/** A GATT operation failed: not connected, unknown characteristic, refused connection. */
public class GattException extends Exception {
    public GattException(String message) {
        super(message);
    }
}
