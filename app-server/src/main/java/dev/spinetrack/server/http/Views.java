package dev.spinetrack.server.http;

import dev.spinetrack.protocol.region.Region;
import dev.spinetrack.protocol.region.SpinalLevel;
import dev.spinetrack.server.storage.DeviceRow;
import dev.spinetrack.server.storage.RegionHistoryRow;
import dev.spinetrack.server.storage.SessionMark;
import dev.spinetrack.server.storage.SessionRow;
import dev.spinetrack.server.engine.tracking.RegionStats;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.SerdeImport;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** The API's response bodies. */
@SerdeImport(RegionStats.class)
@SerdeImport(SessionMark.class)
public final class Views {

    private Views() {
    }

    /**
     * A device as the API shows it.
     *
     * @param id       device id
     * @param gateway  gateway it reports through
     * @param owner    owning user
     * @param name     advertised name
     * @param kind     RACK or BALL (null until its info arrived)
     * @param state    ONLINE, OFFLINE or LOST
     * @param battery  percent
     * @param lastSeen server time of its last message, epoch ms
     * @param openSession id of its open session
     */
    @Serdeable
    public record DeviceView(String id, String gateway, String owner, @Nullable String name, @Nullable String kind,
                             @Nullable String state, @Nullable Integer battery, @Nullable Long lastSeen,
                             @Nullable Long openSession) {
        static DeviceView of(DeviceRow d, Long openSession) {
            return new DeviceView(d.id(), d.gateway(), d.ownerId(), d.name(), d.kind(), d.state(), d.battery(),
                    d.lastSeen(), openSession);
        }
    }

    /**
     * A session as the API shows it.
     *
     * @param id          session id
     * @param device      device
     * @param user        owning user
     * @param auto        started by contact rather than the API
     * @param open        still running
     * @param startedAt   epoch ms
     * @param endedAt     epoch ms, null while open
     * @param endReason   stopped, idle or replaced
     * @param bandLow     initial target band, low
     * @param bandHigh    initial target band, high
     * @param samples     samples tracked
     * @param firstT      device time of the first sample
     * @param lastT       device time of the last sample
     * @param durationMs  lastT - firstT
     * @param contactMs   time in contact
     * @param dwellMs     dwell over all regions
     * @param gapCount    data gaps
     * @param gapMs       data-gap time
     * @param untaggedMs  ball contact time without a region
     */
    @Serdeable
    public record SessionView(long id, String device, String user, boolean auto, boolean open, long startedAt,
                              @Nullable Long endedAt, @Nullable String endReason, double bandLow, double bandHigh,
                              long samples, @Nullable Long firstT, @Nullable Long lastT, long durationMs,
                              long contactMs, @Nullable Long dwellMs, long gapCount, long gapMs, long untaggedMs) {
        static SessionView of(SessionRow s, List<RegionStats> regions) {
            Long dwell = regions == null ? null : regions.stream().mapToLong(RegionStats::dwellMs).sum();
            long duration = s.firstT() == null ? 0 : s.lastT() - s.firstT();
            return new SessionView(s.id(), s.deviceId(), s.userId(), s.auto(), s.open(), s.startedAt(), s.endedAt(),
                    s.endReason(), s.bandLow(), s.bandHigh(), s.samples(), s.firstT(), s.lastT(), duration,
                    s.contactMs(), dwell, s.gapCount(), s.gapMs(), s.untaggedMs());
        }
    }

    /**
     * A session with its per-region statistics and marks.
     *
     * @param session the session
     * @param regions per region
     * @param marks   tags and bands set
     */
    @Serdeable
    public record SessionDetailView(SessionView session, List<RegionStats> regions, List<SessionMark> marks) {
    }

    /**
     * One session's statistics of a region.
     *
     * @param session   session id
     * @param device    device
     * @param startedAt session start, epoch ms
     * @param stats     statistics
     */
    @Serdeable
    public record RegionHistoryView(long session, String device, long startedAt, RegionStats stats) {
        static RegionHistoryView of(RegionHistoryRow r) {
            return new RegionHistoryView(r.sessionId(), r.deviceId(), r.startedAt(), r.stats());
        }
    }

    /**
     * A region of the catalog.
     *
     * @param id      e.g. MID_THORACIC_LEFT
     * @param label   for people
     * @param segment spinal segment
     * @param side    LEFT or RIGHT
     * @param muscles muscles there
     * @param segmentLabel the segment for people, e.g. "Mid thoracic"
     * @param levels  the segment's vertebral levels from the neck down, e.g. T5, T6, T7, T8
     */
    @Serdeable
    public record RegionView(String id, String label, String segment, String side, List<String> muscles,
                             String segmentLabel, List<String> levels) {
        static RegionView of(Region r) {
            List<String> levels = java.util.Arrays.stream(SpinalLevel.values()).filter(l -> r.segment().contains(l))
                    .map(Enum::name).toList();
            return new RegionView(r.name(), r.label(), r.segment().name(), r.side().name(),
                    r.muscles().stream().map(Enum::name).toList(), r.segment().label(), levels);
        }
    }

    /**
     * The calling user.
     *
     * @param id      user id
     * @param devices how many devices they own
     */
    @Serdeable
    public record UserView(String id, int devices) {
    }
}
