package dev.spinetrack.gateway.ble.tinyb;

import dev.spinetrack.gateway.ble.BleUnavailableException;
import tinyb.BluetoothAdapter;
import tinyb.BluetoothManager;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * Loads TinyB's native libraries from the carrier jar and opens the BlueZ manager. Every
 * failure becomes one {@link BleUnavailableException} that says what to check.
 */
public final class TinybNatives {

    static final String WHAT_TO_CHECK = "Check that bluetoothd (BlueZ 5.43 or later) is running, that the D-Bus "
            + "system bus is reachable (DBUS_SYSTEM_BUS_ADDRESS, default unix:path=/var/run/dbus/system_bus_socket), "
            + "and that a Bluetooth adapter is present and powered (bluetoothctl show; bluetoothctl power on). "
            + "To run without hardware, use --simulate SCENARIO.";

    private static BluetoothManager manager;

    private TinybNatives() {
    }

    /** The BlueZ manager, loading the natives on first use. */
    public static synchronized BluetoothManager manager() {
        if (manager == null) {
            String dir = nativeDir(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
            loadLibraries(dir);
            manager = openManager();
        }
        return manager;
    }

    /** Jar folder of the natives for an OS and CPU, as the carrier jar lays them out. */
    static String nativeDir(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        if (!os.contains("linux")) {
            throw unavailable("TinyB needs Linux with BlueZ; this is " + osName);
        }
        if (arch.equals("amd64") || arch.equals("x86_64")) {
            return "native/linux/x86_64";
        }
        if (arch.equals("x86") || arch.equals("i386") || arch.equals("i686")) {
            return "native/linux/x86_32";
        }
        if (arch.equals("arm") || arch.startsWith("armv")) {
            return "native/arm/armv6";
        }
        throw unavailable("TinyB ships no native library for CPU '" + osArch + "' (only x86_64, x86_32, armv6)");
    }

    private static void loadLibraries(String dir) {
        try {
            Path tmp = Files.createTempDirectory("spinetrack-tinyb");
            tmp.toFile().deleteOnExit();
            // libjavatinyb links against libtinyb, so libtinyb goes first.
            for (String lib : List.of("libtinyb.so", "libjavatinyb.so")) {
                Path target = tmp.resolve(lib);
                try (InputStream in = TinybNatives.class.getClassLoader().getResourceAsStream(dir + "/" + lib)) {
                    if (in == null) {
                        throw unavailable("native library " + dir + "/" + lib + " is missing from the classpath");
                    }
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                target.toFile().deleteOnExit();
                System.load(target.toString());
            }
        } catch (IOException e) {
            throw unavailable("could not extract TinyB's native libraries: " + e.getMessage());
        } catch (UnsatisfiedLinkError e) {
            throw unavailable("could not load TinyB's native libraries: " + e.getMessage());
        }
    }

    private static BluetoothManager openManager() {
        PrintStream err = System.err;
        try {
            // tinyb's static initialisers try System.loadLibrary, fail (we loaded by path) and print
            // a misleading "failed to load" line; the natives are already bound, so hide that line.
            System.setErr(new PrintStream(OutputStream.nullOutputStream()));
            Class.forName("tinyb.BluetoothObject");
            Class.forName("tinyb.BluetoothManager");
        } catch (ClassNotFoundException e) {
            throw unavailable("TinyB classes are missing from the classpath: " + e.getMessage());
        } finally {
            System.setErr(err);
        }
        BluetoothManager m;
        try {
            m = BluetoothManager.getBluetoothManager();
        } catch (RuntimeException | LinkageError e) {
            throw unavailable("BlueZ did not answer (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        checkAdapter(m);
        return m;
    }

    /** Fails unless some adapter is powered. */
    static void checkAdapter(BluetoothManager m) {
        List<BluetoothAdapter> adapters;
        try {
            adapters = m.getAdapters();
        } catch (RuntimeException e) {
            throw unavailable("BlueZ did not list adapters (" + e.getMessage() + ")");
        }
        if (adapters == null || adapters.isEmpty()) {
            throw unavailable("BlueZ reports no Bluetooth adapter");
        }
        for (BluetoothAdapter a : adapters) {
            if (a.getPowered()) {
                return;
            }
        }
        throw unavailable("no Bluetooth adapter is powered");
    }

    static BleUnavailableException unavailable(String what) {
        return new BleUnavailableException("Bluetooth is not available: " + what + ". " + WHAT_TO_CHECK);
    }
}
