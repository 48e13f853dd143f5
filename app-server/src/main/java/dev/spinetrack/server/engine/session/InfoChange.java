package dev.spinetrack.server.engine.session;

import dev.spinetrack.protocol.mqtt.DeviceInfo;

/**
 * What a new device info changes: whether the device rebooted (a different boot counter; both
 * streams are kept, PROTOCOL.md §3.3) and whether tracking must be rebuilt (its cells, contact
 * threshold or kind changed, so samples focus differently).
 *
 * @param rebootedFrom the boot before, when the device rebooted; null otherwise
 * @param retrack      whether the open session must be replayed with the new profile
 */
public record InfoChange(Long rebootedFrom, boolean retrack) {

    /**
     * Compares the info tracking used so far with the new one.
     *
     * @param before the info tracking used, or null when it had none
     */
    public static InfoChange between(DeviceInfo before, DeviceInfo after) {
        Long rebootedFrom = before != null && before.boot() != null && after.boot() != null
                && !before.boot().equals(after.boot()) ? before.boot() : null;
        boolean retrack = before == null || !before.cells().equals(after.cells())
                || before.contactThreshold() != after.contactThreshold() || before.kind() != after.kind();
        return new InfoChange(rebootedFrom, retrack);
    }

    /** Whether the device rebooted. */
    public boolean rebooted() {
        return rebootedFrom != null;
    }
}
