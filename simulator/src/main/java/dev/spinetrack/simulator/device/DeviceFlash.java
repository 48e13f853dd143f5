package dev.spinetrack.simulator.device;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;

/**
 * The simulated devices' non-volatile memory: their power-on counters (PROTOCOL.md §3.3).
 * In memory, every device's first power-on is boot 1. In a directory, one small file per device
 * keeps the counter, so devices simulated again by a restarted process (a gateway restart that
 * powers its simulated devices on again) continue counting, as real devices would.
 */
public final class DeviceFlash {

    private final Path dir;
    private final Map<String, Long> counters = new HashMap<>();

    private DeviceFlash(Path dir) {
        this.dir = dir;
    }

    /** Counters that live as long as this object. */
    public static DeviceFlash inMemory() {
        return new DeviceFlash(null);
    }

    /** Counters kept in files under {@code dir} (created when missing), or in memory when {@code dir} is null. */
    public static DeviceFlash in(Path dir) {
        return new DeviceFlash(dir);
    }

    /** A power-on of the device: raises its counter and returns the new value. */
    public synchronized long powerOn(String deviceId) {
        long next = read(deviceId) + 1;
        counters.put(deviceId, next);
        if (dir != null) {
            try {
                Files.createDirectories(dir);
                Path tmp = dir.resolve(deviceId + ".boot.tmp");
                Files.writeString(tmp, Long.toString(next), StandardCharsets.US_ASCII);
                Files.move(tmp, dir.resolve(deviceId + ".boot"), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot keep the boot counter of " + deviceId + " in " + dir, e);
            }
        }
        return next;
    }

    private long read(String deviceId) {
        Long known = counters.get(deviceId);
        if (known != null || dir == null) {
            return known == null ? 0 : known;
        }
        Path f = dir.resolve(deviceId + ".boot");
        try {
            return Files.exists(f) ? Long.parseLong(Files.readString(f, StandardCharsets.US_ASCII).trim()) : 0;
        } catch (IOException | NumberFormatException e) {
            // a damaged counter must not repeat an old boot: start far above anything plausible
            return 1L << 20;
        }
    }
}
