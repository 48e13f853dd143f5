package dev.spinetrack.testing;

/** An MQTT broker for integration tests (see {@link Brokers}). */
public interface TestBroker extends AutoCloseable {

    /** {@code tcp://host:port}. */
    String url();

    /** Stops the broker (keeping its persisted sessions); unsupported for the shared external one. */
    void stop();

    /** Starts it again on the same port and data. */
    void start();

    @Override
    void close();

    /** The broker most tests use: {@link Brokers#shared()}. */
    static TestBroker shared() {
        return Brokers.shared();
    }
}
