package dev.spinetrack.server.testing;

import dev.spinetrack.server.ingest.IngestCounters;
import dev.spinetrack.server.session.SessionService;
import dev.spinetrack.testing.TestBroker;
import io.micronaut.runtime.server.EmbeddedServer;

import java.util.UUID;

/**
 * A server on a fresh database subscribed to one gateway's topics on a real broker, with a
 * publisher that plays that gateway: what the ingest ITs feed batches into. {@link #restart()}
 * gives a new server and database for the same gateway, for an undisturbed replay.
 */
public final class IngestRig implements AutoCloseable {

    private final TestBroker broker;
    private final String gateway;
    private TestDatabase db;
    private EmbeddedServer server;
    private TestPublisher publisher;

    private IngestRig(TestBroker broker, String gateway) {
        this.broker = broker;
        this.gateway = gateway;
        open();
    }

    /** A rig for a new gateway named {@code prefix} plus a random suffix. */
    public static IngestRig start(TestBroker broker, String prefix) {
        return new IngestRig(broker, prefix + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    private void open() {
        db = TestDatabase.create();
        server = TestServer.start(TestServer.properties(broker.url(), db, gateway, gateway + "-server"));
        publisher = new TestPublisher(broker.url(), gateway);
    }

    /** Closes server and database and starts both fresh for the same gateway. */
    public void restart() {
        close();
        open();
    }

    public TestPublisher publisher() {
        return publisher;
    }

    public EmbeddedServer server() {
        return server;
    }

    /** The database the server stores into. */
    public TestDatabase database() {
        return db;
    }

    public IngestCounters counters() {
        return server.getApplicationContext().getBean(IngestCounters.class);
    }

    public SessionService sessions() {
        return server.getApplicationContext().getBean(SessionService.class);
    }

    @Override
    public void close() {
        publisher.close();
        server.close();
        db.close();
    }
}
