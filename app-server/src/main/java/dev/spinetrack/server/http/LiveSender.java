package dev.spinetrack.server.http;

import dev.spinetrack.server.live.LiveFeed;
import dev.spinetrack.server.live.LiveMessage;
import dev.spinetrack.server.live.LiveOutbox;
import dev.spinetrack.server.live.LiveSockets;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Sends one live stream's messages through its {@link LiveOutbox}: up to {@link #MAX_ON_WIRE}
 * written and not yet completed by Netty, the next as one completes, so a slow or stuck client
 * only makes its own outbox wait (its frames superseded, its events counted) and never the feed's
 * delivery thread or other clients. A client that lets too many events wait is closed
 * ({@link LiveSockets#TOO_SLOW}).
 */
final class LiveSender implements Consumer<LiveMessage> {

    /**
     * Messages handed to Netty and not yet written to the socket, at most: enough that a burst of
     * one ingest transaction (a backlog caught up) reaches a client that keeps up unthinned, few
     * enough (a frame is about 0.5 kB) that a stuck client holds little.
     */
    static final int MAX_ON_WIRE = 256;
    private static final Logger LOG = LoggerFactory.getLogger(LiveSender.class);

    private final WebSocketSession session;
    private final String what;
    private final String user;
    private final Function<Object, String> encoder;
    private final LiveOutbox<LiveMessage> outbox;
    private final Consumer<Runnable> onDeliveryThread;

    /**
     * @param onDeliveryThread runs a task on the feed's delivery thread ({@link LiveFeed#later}),
     *                         where this sender is called and from where alone it sends
     */
    LiveSender(WebSocketSession session, String what, String user, Function<Object, String> encoder, int maxEvents,
               Consumer<Runnable> onDeliveryThread) {
        this.onDeliveryThread = onDeliveryThread;
        this.session = session;
        this.what = what;
        this.user = user;
        this.encoder = encoder;
        this.outbox = new LiveOutbox<>(MAX_ON_WIRE, maxEvents);
    }

    @Override
    public void accept(LiveMessage message) {
        if (!session.isOpen()) {
            outbox.clear();
            return;
        }
        if (outbox.offer(message.device(), message, message.frame()) == LiveOutbox.Offer.FULL) {
            LOG.warn("Live stream {} of {} closed: client too slow, {} events unsent (frames superseded so far: {})",
                    what, user, outbox.events(), outbox.superseded());
            outbox.clear();
            session.close(new CloseReason(LiveSockets.TOO_SLOW, "client too slow"));
            return;
        }
        pump();
    }

    /** Drops what waits (the stream closed). */
    void close() {
        outbox.clear();
    }

    /**
     * Puts waiting messages on the wire while it has room; continues as their writes complete.
     * Runs on the delivery thread only: Netty writes a message handed over from another thread
     * after those handed over before it, but one written on its event loop at once, so a send
     * from a completion callback could overtake one still queued for the loop.
     */
    private void pump() {
        for (LiveMessage next = outbox.take(); next != null; next = outbox.take()) {
            CompletableFuture<?> written;
            try {
                written = session.sendAsync(next.encoded(encoder));
            } catch (RuntimeException e) {
                LOG.debug("Live stream {}: send failed: {}", what, e.toString());
                outbox.sent();
                continue;
            }
            if (written.isDone()) {
                outbox.sent(); // already written: go on here rather than through the callback
                continue;
            }
            written.whenComplete((r, e) -> {
                outbox.sent();
                if (session.isOpen()) {
                    onDeliveryThread.accept(this::pump);
                } else {
                    outbox.clear();
                }
            });
        }
    }
}
