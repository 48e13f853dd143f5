package dev.spinetrack.gateway.testing;

import dev.spinetrack.testing.Await;
import dev.spinetrack.gateway.ble.BleUnavailableException;
import dev.spinetrack.gateway.ble.tinyb.TinybCentral;
import dev.spinetrack.gateway.ble.tinyb.TinybNatives;
import dev.spinetrack.simulator.bluez.BusDaemon;
import dev.spinetrack.simulator.bluez.SimulatedBluez;
import tinyb.BluetoothDevice;
import tinyb.BluetoothManager;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The simulator's BlueZ on a private dbus-daemon, with TinyB's real natives connected to it:
 * one per test JVM, because TinyB binds its process-wide manager to the first bus it meets.
 * The bus address comes from {@code DBUS_SYSTEM_BUS_ADDRESS}, which the build sets for the
 * test JVMs (GLib reads it from the environment, which a running JVM cannot change).
 */
public final class BluezBus {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static BluezBus shared;

    private final BusDaemon daemon;
    private final SimulatedBluez bluez;
    private final BluetoothManager manager;

    private BluezBus(BusDaemon daemon, SimulatedBluez bluez, BluetoothManager manager) {
        this.daemon = daemon;
        this.bluez = bluez;
        this.manager = manager;
    }

    /** Why TinyB cannot run against the simulator here, or empty when it can. */
    public static Optional<String> unavailable() {
        Optional<String> daemonMissing = BusDaemon.unavailable();
        if (daemonMissing.isPresent()) {
            return daemonMissing;
        }
        if (socketDir() == null) {
            return Optional.of("DBUS_SYSTEM_BUS_ADDRESS is not a unix:path= address (the build sets it for tests)");
        }
        if (socketDir().resolve(BusDaemon.SOCKET).toString().length() > 107) {
            return Optional.of("the checkout's path is too deep for a Unix socket in target/ ("
                    + socketDir().resolve(BusDaemon.SOCKET) + ")");
        }
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")
                || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            return Optional.of("TinyB's natives are tested on Linux x86_64 only, this is "
                    + System.getProperty("os.name") + " " + arch);
        }
        return Optional.empty();
    }

    /** The shared bus, started on first use and stopped when the JVM exits. */
    public static synchronized BluezBus shared() {
        if (shared == null) {
            BusDaemon daemon = null;
            try {
                daemon = BusDaemon.start(socketDir());
                SimulatedBluez bluez = SimulatedBluez.serve(daemon.address());
                BluetoothManager manager = TinybNatives.manager();
                shared = new BluezBus(daemon, bluez, manager);
                BusDaemon d = daemon;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    bluez.close();
                    d.close();
                }, "bluez-bus-stop"));
            } catch (IOException | BleUnavailableException e) {
                if (daemon != null) {
                    daemon.close();
                }
                throw new IllegalStateException("simulated BlueZ did not start: " + e.getMessage(), e);
            }
        }
        return shared;
    }

    /** The service the simulated devices are attached to. */
    public SimulatedBluez bluez() {
        return bluez;
    }

    /** The bus address. */
    public String address() {
        return daemon.address();
    }

    /** A central on TinyB's real natives, as the gateway opens it. */
    public TinybCentral central() {
        return new TinybCentral(manager, Duration.ofSeconds(10));
    }

    /** Waits until TinyB's object cache lists (or no longer lists) a device. */
    public void awaitKnown(String address, boolean known) {
        Await.until(WAIT, () -> knows(address) == known,
                () -> "TinyB " + (known ? "does not list " : "still lists ") + address);
    }

    private boolean knows(String address) {
        for (BluetoothDevice d : manager.getDevices()) {
            if (address.equalsIgnoreCase(d.getAddress())) {
                return true;
            }
        }
        return false;
    }

    private static Path socketDir() {
        String a = System.getenv("DBUS_SYSTEM_BUS_ADDRESS");
        String prefix = "unix:path=";
        if (a == null || !a.startsWith(prefix) || !a.endsWith("/" + BusDaemon.SOCKET)) {
            return null;
        }
        return Path.of(a.substring(prefix.length())).getParent();
    }
}
