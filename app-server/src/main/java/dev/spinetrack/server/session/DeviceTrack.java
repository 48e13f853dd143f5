package dev.spinetrack.server.session;

import dev.spinetrack.server.storage.SessionRow;

import dev.spinetrack.protocol.mqtt.DeviceInfo;
import dev.spinetrack.protocol.region.Region;
import dev.spinetrack.server.engine.tracking.DeviceProfile;
import dev.spinetrack.server.engine.tracking.SampleFocuser;
import dev.spinetrack.server.engine.tracking.Timeline;

/**
 * A device's in-memory state: its profile, how far tracking got and its open session. Always
 * derivable from storage (see {@link DeviceTracks#load}); guarded by its own monitor.
 */
final class DeviceTrack {

    final String id;
    String owner;
    DeviceInfo info;
    DeviceProfile profile;
    SampleFocuser idleFocuser;
    long processedSeq;
    /** Battery of the latest tracked sample that carried one, until it is stored on the device row. */
    Integer unsavedBattery;
    long revision;
    SessionTrack open;
    /**
     * At least the highest position of the device stored (an upper bound, never less), so a batch
     * wholly above it needs no duplicate probe; {@link Long#MAX_VALUE} when not known (always probe).
     */
    long storedHigh = Long.MAX_VALUE;
    /**
     * The device's latest session when it was closed for silence (by the wall-clock sweep or a gap
     * in the data), until a sample decides whether the silence was real: data continuing within
     * the idle timeout of its last sample opens it again. Null otherwise.
     */
    SessionRow silentlyClosed;
    /**
     * Whether tracking went past what storage records as tracked (the processed seq on the device
     * row, the open session's totals): only a sole writer leaves that for a while, and only for
     * samples that changed no session (see {@link TrackProgress#due}).
     */
    boolean progressUnsaved;
    /** {@link System#nanoTime()} when this device's progress was last stored. */
    long progressSavedNanos;
    /**
     * The processed seq as of the last commit (the one above may be ahead inside a transaction):
     * what a reader of stored samples may ask for, however far the device row lags.
     */
    volatile long committedSeq;

    DeviceTrack(String id, String owner, DeviceInfo info, long processedSeq) {
        this.id = id;
        this.owner = owner;
        this.processedSeq = processedSeq;
        this.committedSeq = processedSeq;
        this.progressSavedNanos = System.nanoTime(); // as loaded: storage holds this progress
        setInfo(info);
    }

    void setInfo(DeviceInfo info) {
        this.info = info;
        this.profile = info == null ? null : DeviceProfile.of(info);
        this.idleFocuser = profile == null ? null : new SampleFocuser(profile, new Timeline<Region>(null));
    }
}
