package dev.spinetrack.server.broker;

import com.hivemq.embedded.EmbeddedHiveMQ;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;

/**
 * A HiveMQ CE broker inside this process, listening on loopback. It takes the preferred
 * port when that is free and otherwise any free port, and says which in the log.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);

    private final EmbeddedHiveMQ hivemq;
    private final int port;

    private EmbeddedBroker(EmbeddedHiveMQ hivemq, int port) {
        this.hivemq = hivemq;
        this.port = port;
    }

    /**
     * Starts a broker.
     *
     * @param preferredPort port to try first, 0 for any free port
     * @param workDir       directory for the broker's config, data and extensions folders
     */
    public static EmbeddedBroker start(int preferredPort, Path workDir) {
        return start(preferredPort, workDir, null);
    }

    /**
     * Starts a broker that lets in only the clients a guard accepts, with the rights it grants.
     *
     * @param guard null: anyone may connect and do anything (test brokers)
     */
    public static EmbeddedBroker start(int preferredPort, Path workDir, MqttGuard guard) {
        int port = preferredPort > 0 && portFree(preferredPort) ? preferredPort : freePort();
        if (preferredPort > 0 && port != preferredPort) {
            LOG.info("MQTT port {} is taken, the embedded broker uses port {} instead", preferredPort, port);
        }
        try {
            Path conf = Files.createDirectories(workDir.resolve("conf"));
            Path data = Files.createDirectories(workDir.resolve("data"));
            Path ext = Files.createDirectories(workDir.resolve("extensions"));
            Files.writeString(conf.resolve("config.xml"), config(port), StandardCharsets.UTF_8);
            var builder = EmbeddedHiveMQ.builder()
                    .withConfigurationFolder(conf)
                    .withDataFolder(data)
                    .withExtensionsFolder(ext)
                    .withoutLoggingBootstrap();
            if (guard != null) {
                builder.withEmbeddedExtension(GuardExtension.of(guard));
            }
            EmbeddedHiveMQ hivemq = builder.build();
            hivemq.start().get();
            LOG.info("Embedded MQTT broker (HiveMQ CE) listening on tcp://127.0.0.1:{}{}", port,
                    guard == null ? " (open to any client)" : ", registered gateways only");
            return new EmbeddedBroker(hivemq, port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the embedded broker's folders under " + workDir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the embedded broker", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the embedded broker did not start: " + e.getCause(), e.getCause());
        }
    }

    /** Port the broker listens on. */
    public int port() {
        return port;
    }

    /** Address for MQTT clients. */
    public BrokerAddress address() {
        return new BrokerAddress("tcp://127.0.0.1:" + port, true);
    }

    @Override
    public void close() {
        try {
            hivemq.stop().get();
            hivemq.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.warn("Embedded broker stopped with an error: {}", e.getCause().toString());
        }
    }

    /**
     * QoS 1 messages a publisher (a gateway) may have unacknowledged at the broker; HiveMQ's
     * default of 10 caps a gateway at 10 messages per round trip, its 20 ms batches of 200
     * devices need more.
     */
    static final int SERVER_RECEIVE_MAXIMUM = 200;

    private static String config(int port) {
        // File persistence under the data directory: sessions, subscriptions and queued QoS 1
        // messages survive a restart of the server (the gateway's confirmations make delivery
        // safe either way; this saves the re-publication).
        return """
                <?xml version="1.0"?>
                <hivemq>
                    <listeners>
                        <tcp-listener>
                            <port>%d</port>
                            <bind-address>127.0.0.1</bind-address>
                        </tcp-listener>
                    </listeners>
                    <mqtt>
                        <receive-maximum>
                            <server-receive-maximum>%d</server-receive-maximum>
                        </receive-maximum>
                    </mqtt>
                    <persistence>
                        <mode>file</mode>
                    </persistence>
                    <anonymous-usage-statistics>
                        <enabled>false</enabled>
                    </anonymous-usage-statistics>
                </hivemq>
                """.formatted(port, SERVER_RECEIVE_MAXIMUM);
    }

    static boolean portFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(false);
            s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A port nobody listens on right now. */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free TCP port", e);
        }
    }
}
