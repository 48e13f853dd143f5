package dev.spinetrack.server.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The suite's own broker and database, never the machine's shared ones: a Mosquitto with its
 * default limits (max_queued_messages 1000, in-memory sessions) on a free port, and a
 * PostgreSQL cluster made with initdb in a temporary directory, both stopped and started at will.
 */
final class Services {

    private Services() {
    }

    /** A private Mosquitto with nothing but a listener configured. */
    static final class Mosquitto implements AutoCloseable {
        final int port = Proc.freePort();
        private final Path dir;
        private Proc proc;

        Mosquitto(Path dir) {
            this.dir = dir;
        }

        String url() {
            return "tcp://127.0.0.1:" + port;
        }

        void start() {
            try {
                Files.createDirectories(dir);
                Path conf = dir.resolve("mosquitto.conf");
                // default limits on purpose: max_queued_messages 1000, max_inflight 20, no persistence
                // -Dspinetrack.faults.broker-debug=true logs every packet (to find who broke the protocol)
                String debug = Boolean.getBoolean("spinetrack.faults.broker-debug") ? "log_type all\n" : "";
                Files.writeString(conf, "listener " + port + " 127.0.0.1\nallow_anonymous true\n" + debug);
                proc = Proc.start("mosquitto", dir.resolve("mosquitto.log"), List.of("mosquitto", "-c", conf.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Proc.awaitPort(port, Duration.ofSeconds(20), "mosquitto");
        }

        void stop() {
            if (proc != null) {
                proc.stop(Duration.ofSeconds(10));
                proc = null;
            }
        }

        @Override
        public void close() {
            stop();
        }
    }

    /** A private PostgreSQL cluster (initdb, pg_ctl), run as the postgres user when we are root. */
    static final class Postgres implements AutoCloseable {
        final int port = Proc.freePort();
        private final Path dir;
        private final Path bin;
        private final boolean root;

        Postgres(Path dir) {
            this.dir = dir;
            this.bin = findBin();
            this.root = "root".equals(System.getProperty("user.name"));
        }

        private static Path findBin() {
            try (Stream<Path> s = Files.list(Path.of("/usr/lib/postgresql"))) {
                return s.map(p -> p.resolve("bin")).filter(p -> Files.isExecutable(p.resolve("initdb")))
                        .max(Comparator.naturalOrder())
                        .orElseThrow(() -> new IllegalStateException("no initdb under /usr/lib/postgresql/*/bin"));
            } catch (IOException e) {
                throw new UncheckedIOException("PostgreSQL binaries not found under /usr/lib/postgresql", e);
            }
        }

        private List<String> as(List<String> cmd) {
            if (!root) {
                return cmd;
            }
            List<String> out = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
            out.addAll(cmd);
            return out;
        }

        void init() {
            try {
                Files.createDirectories(dir);
                if (root) {
                    Proc.run(List.of("chown", "-R", "postgres", dir.toString()), Duration.ofSeconds(10));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Proc.run(as(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "postgres",
                    "-A", "trust", "--no-sync")), Duration.ofMinutes(2));
            start();
        }

        void start() {
            Proc.run(as(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-t", "60",
                    "-l", dir.resolve("postgres.log").toString(), "-o",
                    "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start")),
                    Duration.ofSeconds(90));
        }

        void stop() {
            Proc.run(as(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-t", "60",
                    "-m", "fast", "stop")), Duration.ofSeconds(90));
        }

        String jdbc(String database) {
            return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
        }

        void createDatabase(String name) {
            try (Connection c = DriverManager.getConnection(jdbc("postgres"));
                 Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            try {
                stop();
            } catch (RuntimeException e) {
                // already stopped
            }
        }
    }
}
