package dev.spinetrack.server.session;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The seam between ingest and what must see every sample of a device (the guided-session
 * coach), as opposed to the dashboard's thinned live frames: after each transaction commits,
 * the samples it tracked are handed over per device, deduplicated, in seq order, in device
 * time. Late samples (below what the device already tracked) are not passed on: a listener
 * sees each device's stream move forward only. Listeners are called on the ingest thread,
 * holding the device's lock, and must return quickly (hand the work to a thread of their own).
 */
@Singleton
public class TrackedSampleFeed {

    /** Receives committed samples of the devices it wants. */
    public interface Listener {
        /** Whether the listener wants this device's samples now (cheap: asked for each batch). */
        boolean wants(String device);

        /**
         * Samples of one device that were just committed, in seq order.
         *
         * @param receivedAt server clock when they were committed, epoch ms (for clock-skew estimates only)
         */
        void onTracked(String device, List<TrackedSample> samples, long receivedAt);
    }

    private static final Logger LOG = LoggerFactory.getLogger(TrackedSampleFeed.class);

    private final CopyOnWriteArrayList<Listener> listeners = new CopyOnWriteArrayList<>();

    /**
     * Adds a listener.
     *
     * @return closing it removes the listener
     */
    public AutoCloseable subscribe(Listener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Whether any listener wants the device's samples (ingest builds them only then). */
    public boolean wanted(String device) {
        if (listeners.isEmpty()) {
            return false;
        }
        for (Listener l : listeners) {
            if (l.wants(device)) {
                return true;
            }
        }
        return false;
    }

    /** Hands committed samples of a device to the listeners that want them. */
    void deliver(String device, List<TrackedSample> samples, long receivedAt) {
        if (samples.isEmpty()) {
            return;
        }
        List<TrackedSample> view = List.copyOf(samples);
        for (Listener l : listeners) {
            if (!l.wants(device)) {
                continue;
            }
            try {
                l.onTracked(device, view, receivedAt);
            } catch (RuntimeException e) {
                LOG.warn("Device {}: tracked-sample listener failed and stays subscribed: {}", device, e.toString());
            }
        }
    }
}
