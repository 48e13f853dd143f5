package dev.spinetrack.server.session;

import dev.spinetrack.protocol.mqtt.DeviceInfo;
import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.protocol.region.Region;
import dev.spinetrack.server.engine.tracking.DeviceProfile;
import dev.spinetrack.server.engine.tracking.FocusedSample;
import dev.spinetrack.server.engine.tracking.SampleFocuser;
import dev.spinetrack.server.engine.tracking.Timeline;
import dev.spinetrack.server.payload.BadPayloadException;
import dev.spinetrack.server.payload.PayloadReader;
import dev.spinetrack.server.storage.Database;
import dev.spinetrack.server.storage.DeviceRow;
import dev.spinetrack.server.storage.DeviceStore;
import dev.spinetrack.server.storage.SampleStore;
import dev.spinetrack.server.storage.SessionMark;
import dev.spinetrack.server.storage.SessionRow;
import dev.spinetrack.server.storage.SessionStore;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A device's tracked samples read back from storage, in the same form {@link TrackedSampleFeed}
 * hands out live: what a reader that missed part of the stream (a restart, another instance
 * storing some of the device's batches, a resumed guided session) catches up with. Only
 * samples tracking already went past are returned, so the two sources never disagree on order.
 */
@Singleton
public class StoredStream {

    private final Database db;
    private final DeviceStore devices;
    private final SampleStore samples;
    private final SessionStore sessions;
    private final PayloadReader payloads;
    private final DeviceTracks tracks;

    public StoredStream(Database db, DeviceStore devices, SampleStore samples, SessionStore sessions,
                        PayloadReader payloads, DeviceTracks tracks) {
        this.tracks = tracks;
        this.db = db;
        this.devices = devices;
        this.samples = samples;
        this.sessions = sessions;
        this.payloads = payloads;
    }

    /**
     * The tracked samples of a device with {@code afterSeq < seq <= toSeq}, in seq
     * order, focused as tracking focused them for the given session (a ball's region from the
     * session's tags); samples outside that session carry a null session.
     */
    public List<TrackedSample> after(String device, long sessionId, long afterSeq, long toSeq) {
        return db.read(c -> {
            Optional<DeviceRow> row = devices.find(c, device);
            // tracking may be ahead of the stored progress (TrackProgress.due); its samples are stored
            long processed = row.isEmpty() ? -1 : Math.max(row.get().processedSeq(), tracks.committedSeq(device));
            if (row.isEmpty() || row.get().infoJson() == null || processed <= afterSeq) {
                return List.of();
            }
            DeviceProfile profile;
            try {
                profile = DeviceProfile.of(payloads.read(row.get().infoJson().getBytes(StandardCharsets.UTF_8),
                        DeviceInfo.class));
            } catch (BadPayloadException e) {
                return List.of();
            }
            Optional<SessionRow> session = sessions.find(c, sessionId);
            Timeline<Region> tags = new Timeline<>(null);
            if (session.isPresent()) {
                for (SessionMark m : sessions.marks(c, sessionId)) {
                    if (m.kind() == SessionMark.Kind.TAG) {
                        tags.set(m.atMs(), m.region());
                    }
                }
            }
            SampleFocuser focuser = new SampleFocuser(profile, tags);
            long to = Math.min(processed, toSeq);
            List<TrackedSample> out = new ArrayList<>();
            for (Sample s : samples.load(c, device, afterSeq + 1, to)) {
                if (s.p().length != profile.cells().size()) {
                    continue;
                }
                FocusedSample f = focuser.focus(s);
                boolean inSession = session.isPresent() && s.seq() >= session.get().fromSeq()
                        && (session.get().toSeq() == null || s.seq() <= session.get().toSeq());
                out.add(new TrackedSample(s.seq(), s.t(), inSession ? sessionId : null, f.contact(), f.region(),
                        f.pressure(), s.pitch(), s.roll()));
            }
            return out;
        });
    }

    /** Device time of the device's latest stored sample, or empty when it never sent one. */
    public Optional<Long> latestDeviceTime(String device) {
        return db.read(c -> {
            long high = samples.highestSeq(c, device);
            if (high < 0) {
                return Optional.empty();
            }
            List<Sample> last = samples.load(c, device, high, high);
            return last.isEmpty() ? Optional.empty() : Optional.of(last.get(0).t());
        });
    }
}
