package dev.spinetrack.gateway.testing;

/** An MQTT broker for integration tests. */
public interface TestBroker extends AutoCloseable {

    /** {@code tcp://127.0.0.1:port}. */
    String url();

    /** Stops the broker (keeping its persisted sessions); unsupported for a shared broker. */
    void stop();

    /** Starts it again on the same port and data. */
    void start();

    @Override
    void close();
}
