package dev.spinetrack.server.session;

import dev.spinetrack.protocol.gatt.DeviceKind;
import dev.spinetrack.protocol.region.FocusRule;
import dev.spinetrack.server.engine.band.PressureBand;
import dev.spinetrack.server.engine.session.SessionRules;
import dev.spinetrack.server.engine.tracking.DeviceProfile;
import io.micronaut.context.annotation.ConfigurationProperties;

import java.util.List;

/** {@code spinetrack.tracking.*}: gap limit, idle timeout, automatic sessions, default bands. */
@ConfigurationProperties("spinetrack.tracking")
public class TrackingSettings {

    private long gapLimitMs = FocusRule.DEFAULT_GAP_LIMIT_MS;
    private long idleTimeoutMs = 60_000;
    private boolean autoSessions = true;
    private long progressIntervalMs = 250;
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

    /**
     * How often a device's tracking progress (processed seq, open session's totals and rollups)
     * is stored while its samples change no session, when this server is its database's only
     * writer; 0 stores it with every ingest transaction. Samples are stored at once either way,
     * and a restart replays the ones past the stored progress.
     */
    public long progressIntervalMs() {
        return progressIntervalMs;
    }

    public void setProgressIntervalMs(long progressIntervalMs) {
        if (progressIntervalMs < 0) {
            throw new IllegalArgumentException("spinetrack.tracking.progress-interval-ms must be >= 0, was "
                    + progressIntervalMs);
        }
        this.progressIntervalMs = progressIntervalMs;
    }

    public void setRackBand(List<Double> rackBand) {
        this.rackBand = rackBand;
    }

    public void setBallBand(List<Double> ballBand) {
        this.ballBand = ballBand;
    }

    /** The session rules these settings make (idle timeout, automatic sessions). */
    public SessionRules rules() {
        return new SessionRules(idleTimeoutMs, autoSessions);
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
