package dev.spinetrack.gateway.ble;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One link from the central to a peripheral. Values are raw characteristic bytes.
 * Value callbacks run on the stack's own thread and must not block.
 */
public interface BleConnection extends AutoCloseable {

    /** The peripheral's address, {@code XX:XX:XX:XX:XX:XX}. */
    String address();

    /** The ATT MTU of the link as far as the stack tells. */
    int mtu();

    /** Whether the link is still up. */
    boolean connected();

    /** Discovers the primary services of the peripheral. */
    List<UUID> discoverServices() throws BleException;

    /** Reads a characteristic. */
    byte[] read(UUID service, UUID characteristic) throws BleException;

    /** Writes a characteristic (with response). */
    void write(UUID service, UUID characteristic, byte[] value) throws BleException;

    /** Enables notifications or indications of a characteristic; each value goes to {@code onValue}. */
    void subscribe(UUID service, UUID characteristic, Consumer<byte[]> onValue) throws BleException;

    /** Registers the callback run once when the link drops, with a reason for people. */
    void onDisconnect(Consumer<String> onReason);

    /** Disconnects; the disconnect callback runs too. */
    @Override
    void close();
}
