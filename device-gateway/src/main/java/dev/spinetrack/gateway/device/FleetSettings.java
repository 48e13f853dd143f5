package dev.spinetrack.gateway.device;

import java.time.Duration;
import java.util.Objects;

/**
 * How the fleet finds and keeps devices.
 *
 * @param gateway         gateway id
 * @param filter          which advertisements to connect to
 * @param rateHz          sample rate to set, or null for the device's default choice
 * @param backoff         reconnect backoff
 * @param watchdogPeriods silent sample periods before a reconnect
 * @param scanInterval    pause between scans
 * @param connectConcurrency devices connecting (connect, service discovery, handshake) at once, at most
 */
public record FleetSettings(String gateway, DeviceFilter filter, Integer rateHz, Backoff backoff,
                            int watchdogPeriods, Duration scanInterval, int connectConcurrency) {
    public FleetSettings {
        if (connectConcurrency < 1) {
            throw new IllegalArgumentException("connect concurrency must be at least 1, was " + connectConcurrency);
        }
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(scanInterval, "scanInterval");
    }
}
