package dev.spinetrack.server.session;

import dev.spinetrack.server.live.LiveFeed;
import dev.spinetrack.server.storage.Database;
import dev.spinetrack.server.storage.DeviceRow;
import dev.spinetrack.server.storage.DeviceStore;
import dev.spinetrack.server.storage.SampleStore;
import jakarta.inject.Singleton;

import java.util.function.Predicate;

/**
 * Tracking progress that is ahead of storage (see {@link TrackProgress#due}): stores it for
 * readers of stored figures and for devices gone quiet, and catches up devices whose stored
 * progress is behind their stored samples (a track dropped with progress unsaved, a sole writer
 * killed before it stored its progress).
 */
@Singleton
public class UnsavedProgress {

    private final DeviceTracks tracks;
    private final DeviceStore devices;
    private final SampleStore samples;
    private final LiveFeed live;
    private final Database db;

    UnsavedProgress(DeviceTracks tracks, DeviceStore devices, SampleStore samples, LiveFeed live, Database db) {
        this.tracks = tracks;
        this.devices = devices;
        this.samples = samples;
        this.live = live;
        this.db = db;
    }

    /**
     * Notes every device whose stored progress is behind its stored samples (a sole writer
     * stopped with progress unsaved), for {@link #catchUp}.
     *
     * @return how many
     */
    int findBehind() {
        return db.read(c -> {
            if (!db.soleWriter(c)) {
                return 0;
            }
            int n = 0;
            for (DeviceRow row : devices.withInfo(c)) {
                if (samples.highestSeq(c, row.id()) > row.processedSeq()) {
                    tracks.noteBehind(row.id());
                    n++;
                }
            }
            return n;
        });
    }

    /**
     * Loads the tracks of the devices noted as behind (which tracks the stored samples past
     * their stored progress) and stores their progress, so their figures are current even when
     * they never send again.
     *
     * <p>Each device's catch-up runs whole under its monitor, and its note is cleared only once
     * its progress is stored: a reader that finds the device noted ({@link #saveOfSession})
     * waits for the figures, rather than reading them short while another thread (the
     * {@link ProgressSaver}) is still rebuilding the track.
     *
     * @return how many devices' progress was stored
     * @throws RuntimeException the first storage failure (that device stays noted, the rest wait
     *                          for the next call)
     */
    int catchUp() {
        int n = 0;
        for (String device : tracks.behind()) {
            synchronized (tracks.lock(device)) {
                if (!tracks.isBehind(device)) {
                    continue; // another thread caught it up while this one waited
                }
                DeviceTrack t;
                try {
                    t = db.write(c -> tracks.locked(c, device).orElse(null));
                } catch (RuntimeException e) {
                    tracks.evict(device);
                    throw e;
                }
                if (t != null && t.progressUnsaved && tracks.holds(t)) {
                    store(t);
                    n++;
                }
                tracks.clearBehind(device);
            }
        }
        return n;
    }

    /**
     * Stores the progress of the devices whose tracking is ahead of storage and that
     * {@code which} selects, each in a transaction of its own under its monitor.
     *
     * @return how many devices' progress was stored
     * @throws RuntimeException the first storage failure (that device is caught up later)
     */
    int saveUnsaved(Predicate<DeviceTrack> which) {
        int saved = 0;
        for (DeviceTrack t : tracks.inMemory()) {
            if (!t.progressUnsaved || !which.test(t)) {
                continue;
            }
            synchronized (tracks.lock(t.id)) {
                if (!t.progressUnsaved || !tracks.holds(t)) {
                    continue;
                }
                store(t);
                saved++;
            }
        }
        return saved;
    }

    /** Stores one track's progress in a transaction of its own; the caller holds its monitor. */
    private void store(DeviceTrack t) {
        live.hold(); // the rollups' event goes out after the commit
        try {
            db.write(c -> {
                tracks.progress().save(c, t, System.currentTimeMillis());
                return null;
            });
            live.release();
        } catch (RuntimeException e) {
            // the track may count rollups as stored that the rollback undid: rebuilt from
            // storage (evict notes it as behind, so it is caught up later)
            tracks.evict(t.id);
            throw e;
        } finally {
            live.discard();
        }
    }

    /** Stores the unsaved progress of devices not stored for {@code quietNanos}; see {@link #saveUnsaved}. */
    public int saveQuiet(long quietNanos) {
        long now = System.nanoTime();
        return saveUnsaved(t -> now - t.progressSavedNanos >= quietNanos);
    }

    /** Stores the unsaved progress of the devices whose open session is the user's (before reading figures). */
    void saveOfUser(String user) {
        catchUp(); // tracks dropped with progress unsaved are not in memory to be found below
        saveUnsaved(t -> t.open != null && user.equals(t.open.session().userId()));
    }

    /** Stores the unsaved progress of the device with this open session (before reading its figures). */
    void saveOfSession(long sessionId) {
        catchUp();
        saveUnsaved(t -> t.open != null && t.open.session().id() == sessionId);
    }
}
