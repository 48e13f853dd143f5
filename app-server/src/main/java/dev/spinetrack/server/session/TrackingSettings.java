package dev.spinetrack.server.session;

import dev.spinetrack.protocol.gatt.DeviceKind;
import dev.spinetrack.protocol.region.FocusRule;
import dev.spinetrack.server.engine.band.PressureBand;
import dev.spinetrack.server.engine.tracking.DeviceProfile;
import io.micronaut.context.annotation.ConfigurationProperties;

import java.util.List;

/** {@code spinetrack.tracking.*}: gap limit, idle timeout, automatic sessions, default bands. */
@ConfigurationProperties("spinetrack.tracking")
public class TrackingSettings {

    private long gapLimitMs = FocusRule.DEFAULT_GAP_LIMIT_MS;
    private long idleTimeoutMs = 60_000;
    private boolean autoSessions = true;
    private List<Double> rackBand = List.of(8.0, 16.0);
    private List<Double> ballBand = List.of(8.0, 16.0);

    public long gapLimitMs() {
        return gapLimitMs;
    }

    public void setGapLimitMs(long gapLimitMs) {
        this.gapLimitMs = gapLimitMs;
    }

    /** Device time without contact after which an automatic session ends. */
    public long idleTimeoutMs() {
        return idleTimeoutMs;
    }

    public void setIdleTimeoutMs(long idleTimeoutMs) {
        this.idleTimeoutMs = idleTimeoutMs;
    }

    /** Whether contact opens a session when none is open. */
    public boolean autoSessions() {
        return autoSessions;
    }

    public void setAutoSessions(boolean autoSessions) {
        this.autoSessions = autoSessions;
    }

    public void setRackBand(List<Double> rackBand) {
        this.rackBand = rackBand;
    }

    public void setBallBand(List<Double> ballBand) {
        this.ballBand = ballBand;
    }

    /**
     * The band a session starts with: the configured multiples of the device's contact threshold
     * (a band in the device's own unit without per-model settings).
     */
    public PressureBand defaultBand(DeviceProfile device) {
        List<Double> f = device.kind() == DeviceKind.BALL ? ballBand : rackBand;
        double base = device.contactThreshold() > 0 ? device.contactThreshold() : 1;
        return new PressureBand(f.get(0) * base, f.get(1) * base, device.unit());
    }
}
