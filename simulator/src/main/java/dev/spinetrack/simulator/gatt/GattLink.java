package dev.spinetrack.simulator.gatt;

import java.util.UUID;
import java.util.function.Consumer;

/**
 * A connection to a virtual peripheral, as a central sees it. Values are raw characteristic
 * bytes exactly as PROTOCOL.md defines them. Callbacks run on the peripheral's own thread
 * and must not block.
 */
public interface GattLink extends AutoCloseable {

    /** The negotiated ATT MTU. */
    int mtu();

    /** Whether the link is still up. */
    boolean connected();

    /** Reads a characteristic (capabilities, battery level). */
    byte[] read(UUID service, UUID characteristic) throws GattException;

    /** Writes a characteristic (the control point); a result follows as an indication. */
    void write(UUID service, UUID characteristic, byte[] value) throws GattException;

    /**
     * Enables notifications or indications of a characteristic (sample stream, control point,
     * battery level); each value is delivered to {@code onValue}.
     */
    void subscribe(UUID service, UUID characteristic, Consumer<byte[]> onValue) throws GattException;

    /** Called once when the link drops, with a reason; also called after {@link #close()}. */
    void onDisconnect(Consumer<String> onReason);

    /** Disconnects. */
    @Override
    void close();
}
