package dev.spinetrack.simulator.bluez;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A private {@code dbus-daemon} (Debian package {@code dbus}) listening on a Unix socket of
 * its own, configured as a system bus that lets anyone own names and call methods: a stand-in
 * for the machine's system bus, reachable through {@code DBUS_SYSTEM_BUS_ADDRESS}.
 */
public final class BusDaemon implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BusDaemon.class);
    /** The socket file name inside the bus directory. */
    public static final String SOCKET = "system_bus_socket";
    /** Linux limits a Unix socket path to 108 bytes, terminator included. */
    static final int MAX_SOCKET_PATH = 107;

    private final Process process;
    private final String address;
    private final Path dir;

    private BusDaemon(Process process, String address, Path dir) {
        this.process = process;
        this.address = address;
        this.dir = dir;
    }

    /** Why no bus can be started here, or empty when {@code dbus-daemon} is on the PATH. */
    public static Optional<String> unavailable() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String d : path.split(File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, "dbus-daemon"))) {
                return Optional.empty();
            }
        }
        return Optional.of("dbus-daemon is not on the PATH (Debian: apt-get install dbus)");
    }

    /** The bus address for a socket in this directory, {@code unix:path=DIR/system_bus_socket}. */
    public static String addressIn(Path dir) {
        return "unix:path=" + dir.toAbsolutePath().resolve(SOCKET);
    }

    /**
     * Starts a bus listening on {@code dir/system_bus_socket} (the directory is created; a stale
     * socket from an earlier run is replaced) and waits until it accepts connections.
     *
     * @throws IOException when dbus-daemon is missing, the path is too long or the bus does not come up
     */
    public static BusDaemon start(Path dir) throws IOException {
        Optional<String> why = unavailable();
        if (why.isPresent()) {
            throw new IOException(why.get());
        }
        Path abs = dir.toAbsolutePath();
        Path socket = abs.resolve(SOCKET);
        if (socket.toString().getBytes(StandardCharsets.UTF_8).length > MAX_SOCKET_PATH) {
            throw new IOException("socket path " + socket + " is longer than Unix sockets allow (" + MAX_SOCKET_PATH
                    + " bytes); use a shorter directory");
        }
        Files.createDirectories(abs);
        Files.deleteIfExists(socket);
        Path config = abs.resolve("bus.conf");
        Files.writeString(config, config(socket));
        ProcessBuilder pb = new ProcessBuilder("dbus-daemon", "--config-file=" + config, "--nofork",
                "--print-address=1");
        pb.redirectError(abs.resolve("dbus-daemon.log").toFile());
        Process p = pb.start();
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> {
            try {
                BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                return r.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        String printed;
        try {
            printed = first.get(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted while dbus-daemon started");
        } catch (ExecutionException | TimeoutException e) {
            printed = null;
        }
        if (printed == null || printed.isBlank()) {
            p.destroyForcibly();
            String log = Files.exists(abs.resolve("dbus-daemon.log")) ? Files.readString(abs.resolve("dbus-daemon.log")) : "";
            throw new IOException("dbus-daemon did not come up on " + socket + ": " + log.strip());
        }
        String address = addressIn(abs);
        LOG.info("bus dbus-daemon pid {} listening on {}", p.pid(), address);
        return new BusDaemon(p, address, abs);
    }

    /** The address clients use: {@code unix:path=...}, the value for {@code DBUS_SYSTEM_BUS_ADDRESS}. */
    public String address() {
        return address;
    }

    /** The directory holding the socket, config and log. */
    public Path dir() {
        return dir;
    }

    /** Whether the daemon still runs. */
    public boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try {
            Files.deleteIfExists(dir.resolve(SOCKET));
        } catch (IOException e) {
            LOG.debug("bus could not delete {}: {}", dir.resolve(SOCKET), e.getMessage());
        }
        LOG.info("bus dbus-daemon on {} stopped", address);
    }

    /** A system-type bus on one socket, open to every local user (it is private by its path). */
    static String config(Path socket) {
        return """
                <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
                 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
                <busconfig>
                  <type>system</type>
                  <listen>unix:path=%s</listen>
                  <auth>EXTERNAL</auth>
                  <auth>ANONYMOUS</auth>
                  <allow_anonymous/>
                  <policy context="default">
                    <allow user="*"/>
                    <allow own="*"/>
                    <allow send_type="method_call"/>
                    <allow send_type="signal"/>
                    <allow send_requested_reply="true" send_type="method_return"/>
                    <allow send_requested_reply="true" send_type="error"/>
                    <allow receive_type="method_call"/>
                    <allow receive_type="method_return"/>
                    <allow receive_type="error"/>
                    <allow receive_type="signal"/>
                  </policy>
                  <limit name="max_incoming_bytes">1000000000</limit>
                  <limit name="max_outgoing_bytes">1000000000</limit>
                  <limit name="max_message_size">33554432</limit>
                </busconfig>
                """.formatted(socket);
    }
}
