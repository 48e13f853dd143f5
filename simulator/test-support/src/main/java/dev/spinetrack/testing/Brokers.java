package dev.spinetrack.testing;

import com.hivemq.embedded.EmbeddedHiveMQ;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Brokers for the *IT tests. With {@code spinetrack.it.mqtt} empty they are embedded HiveMQ CE
 * instances on free ports; with it set, {@link #shared()} is that broker (the machine's
 * Mosquitto in CI) and {@link #restartable(Path)}, which must be stopped and started and so
 * cannot be the shared one, is a private {@code mosquitto} process on a free port (or an
 * embedded HiveMQ when no mosquitto binary exists).
 */
public final class Brokers {

    private static final Path MOSQUITTO = Path.of("/usr/sbin/mosquitto");

    private Brokers() {
    }

    /** The configured external broker URL, or null. */
    public static String external() {
        String v = System.getProperty("spinetrack.it.mqtt", "");
        return v.isBlank() ? null : v.trim();
    }

    /** The broker most tests use, its files (when embedded) in a new temporary directory. */
    public static TestBroker shared() {
        try {
            return shared(Files.createTempDirectory("spinetrack-it-broker"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The broker most tests use: the external one when configured, else an embedded one of the test's own. */
    public static TestBroker shared(Path dir) {
        String url = external();
        if (url == null) {
            return embedded(dir);
        }
        return new TestBroker() {
            @Override
            public String url() {
                return url;
            }

            @Override
            public void stop() {
                throw new UnsupportedOperationException("the shared broker " + url + " cannot be stopped by a test");
            }

            @Override
            public void start() {
            }

            @Override
            public void close() {
            }
        };
    }

    /**
     * Whether {@link #sharing()} has a broker: an external one, or a Mosquitto binary. Several
     * server instances on one shared subscription are a production setup with an external broker
     * (the embedded one serves a single instance), and HiveMQ CE has an open report of shared
     * QoS 1 subscribers that stop receiving under load while connected
     * (hivemq-community-edition#558). It happened here too: on a loaded box two instances on an
     * embedded HiveMQ stored 2,250 of 51,750 samples and then received nothing for two minutes,
     * connected, with nothing in their logs. A test on that would fail for the broker's sake.
     */
    public static boolean sharingAvailable() {
        return external() != null || Files.isExecutable(MOSQUITTO);
    }

    /**
     * The broker for tests of several server instances on one MQTT 5 shared subscription: the
     * external one when configured, else a private Mosquitto (see {@link #sharingAvailable()}).
     */
    public static TestBroker sharing() {
        if (!sharingAvailable()) {
            throw new IllegalStateException("no broker for shared subscriptions: set spinetrack.it.mqtt or install mosquitto");
        }
        try {
            Path dir = Files.createTempDirectory("spinetrack-it-broker");
            return external() != null ? shared(dir) : new MosquittoProcess(MOSQUITTO, dir, freePort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A broker of the test's own, which it may stop and start. */
    public static TestBroker restartable(Path dir) {
        if (external() != null && Files.isExecutable(MOSQUITTO)) {
            return new MosquittoProcess(MOSQUITTO, dir, freePort());
        }
        return embedded(dir);
    }

    /** A port nothing listens on right now. */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the loopback port opens or closes (30 s at most). */
    public static void awaitPort(int port, boolean open) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            boolean isOpen;
            try (Socket s = new Socket("127.0.0.1", port)) {
                isOpen = true;
            } catch (IOException e) {
                isOpen = false;
            }
            if (isOpen == open) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("port " + port + " did not " + (open ? "open" : "close"));
    }

    private static TestBroker embedded(Path dir) {
        int port = freePort();
        try {
            Path conf = Files.createDirectories(dir.resolve("hivemq-conf"));
            Path data = Files.createDirectories(dir.resolve("hivemq-data"));
            Path ext = Files.createDirectories(dir.resolve("hivemq-extensions"));
            Files.writeString(conf.resolve("config.xml"), """
                    <?xml version="1.0"?>
                    <hivemq>
                      <listeners>
                        <tcp-listener><port>%d</port><bind-address>127.0.0.1</bind-address></tcp-listener>
                      </listeners>
                      <persistence><mode>file</mode></persistence>
                      <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
                    </hivemq>
                    """.formatted(port));
            // A stopped EmbeddedHiveMQ cannot start again in the same JVM (its metrics are still
            // registered), so a restart is a fresh instance on the same port and data folder.
            java.util.function.Supplier<EmbeddedHiveMQ> fresh = () -> EmbeddedHiveMQ.builder()
                    .withConfigurationFolder(conf).withDataFolder(data).withExtensionsFolder(ext)
                    .withoutLoggingBootstrap().build(); // the test's logging configuration stays in charge
            EmbeddedHiveMQ[] hivemq = {fresh.get()};
            hivemq[0].start().join();
            return new TestBroker() {
                @Override
                public String url() {
                    return "tcp://127.0.0.1:" + port;
                }

                @Override
                public void stop() {
                    hivemq[0].stop().join();
                    awaitPort(port, false);
                }

                @Override
                public void start() {
                    hivemq[0] = fresh.get();
                    hivemq[0].start().join();
                    awaitPort(port, true);
                }

                @Override
                public void close() {
                    try {
                        hivemq[0].close();
                    } catch (Exception e) {
                        throw new IllegalStateException("stopping HiveMQ", e);
                    }
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A private Mosquitto with persistence, so sessions survive its restart. */
    private static final class MosquittoProcess implements TestBroker {
        private final Path bin;
        private final Path conf;
        private final int port;
        private Process process;

        MosquittoProcess(Path bin, Path dir, int port) {
            this.bin = bin;
            this.port = port;
            try {
                Path data = Files.createDirectories(dir.resolve("mosquitto-data"));
                conf = dir.resolve("mosquitto.conf");
                // 'user': started as root, Mosquitto would drop to user mosquitto and could not write
                // its persistence file into our temp dir, losing the subscriber's session on restart
                Files.writeString(conf, "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence true\n"
                        + "persistence_location " + data + "/\nautosave_interval 1\nuser "
                        + System.getProperty("user.name") + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            start();
        }

        @Override
        public String url() {
            return "tcp://127.0.0.1:" + port;
        }

        @Override
        public synchronized void start() {
            try {
                process = new ProcessBuilder(bin.toString(), "-c", conf.toString())
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            awaitPort(port, true);
        }

        @Override
        public synchronized void stop() {
            process.destroy(); // SIGTERM: Mosquitto saves its persistence file on the way out
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            awaitPort(port, false);
        }

        @Override
        public void close() {
            if (process.isAlive()) {
                stop();
            }
        }
    }
}
