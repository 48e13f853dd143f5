package dev.spinetrack.simulator.gatt;

/** A simulated BLE peripheral that a central can discover and connect to. */
public interface VirtualPeripheral {

    /** Its current advertisement (RSSI may change over time). */
    Advertisement advertisement();

    /** Whether it is advertising (powered, in range, not connected to another central). */
    boolean advertising();

    /**
     * Connects, negotiating the ATT MTU: the link uses {@code min(requestedMtu, device max)}
     * and never less than 23.
     *
     * @throws GattException when the peripheral is not advertising or refuses
     */
    GattLink connect(int requestedMtu) throws GattException;
}
