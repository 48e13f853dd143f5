package dev.spinetrack.gateway.ble;

import java.time.Duration;
import java.util.List;

/** A BLE central: finds advertising peripherals and connects to them. */
public interface BleCentral extends AutoCloseable {

    /**
     * Scans for about {@code window} and returns what was heard, one entry per address.
     *
     * @throws BleException when the adapter cannot scan
     */
    List<BleAdvertisement> scan(Duration window) throws BleException;

    /**
     * Connects to the peripheral with this address, asking for this ATT MTU.
     *
     * @throws BleException when the peripheral is unknown, not advertising or refuses
     */
    BleConnection connect(String address, int requestedMtu) throws BleException;

    /** Releases the adapter. */
    @Override
    void close();
}
