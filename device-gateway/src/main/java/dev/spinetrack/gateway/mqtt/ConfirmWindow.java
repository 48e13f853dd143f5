package dev.spinetrack.gateway.mqtt;

/**
 * How many batches may wait for the server's confirmation at once. It starts small after every
 * (re)connect and after a confirmation timeout, and grows by what the server confirms up to the
 * configured most (a slow start, as TCP's). A broker holds only so much for a server that is
 * away, slow or not yet subscribed again (Mosquitto: 1,000 messages per client; none before the
 * server's subscription exists); whatever it drops comes back after the timeout behind newer
 * batches and costs the server a re-derivation each. Growing by what was confirmed keeps the burst
 * after a reconnect near what the server showed it takes, while a server that keeps up soon has
 * the whole window (it doubles per round trip).
 */
final class ConfirmWindow {

    /** Where the window starts: within the queue a default Mosquitto keeps per client. */
    static final int INITIAL = 500;

    private final int initial;
    private final int max;
    private int size;

    /** @param max the most batches unconfirmed at once (the configured window) */
    ConfirmWindow(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("the window holds at least 1 batch, was " + max);
        }
        this.max = max;
        this.initial = Math.min(INITIAL, max);
        this.size = initial;
    }

    /** Batches that may be unconfirmed now. */
    int size() {
        return size;
    }

    /** Connected again, or a batch timed out: the server's pace is unknown, start small. */
    void restart() {
        size = initial;
    }

    /** The server confirmed {@code batches}: the window grows by as many, up to its most. */
    void confirmed(int batches) {
        size = (int) Math.min(max, (long) size + Math.max(0, batches));
    }
}
