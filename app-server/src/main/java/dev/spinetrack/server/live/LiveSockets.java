package dev.spinetrack.server.live;

import dev.spinetrack.server.security.AccessChanged;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open live streams with the user each serves and the access check that let it open.
 * Caps the streams per user, and closes a stream whose check fails after an access change
 * (device moved to another owner, grant revoked, account disabled, logout).
 */
@Singleton
public class LiveSockets {

    /** Close code of a stream whose access was withdrawn. */
    public static final int ACCESS_WITHDRAWN = 4403;
    /** Close code of a stream over the per-user cap. */
    public static final int TOO_MANY = 4429;
    /** Close code of a stream whose client let too many events wait unsent. */
    public static final int TOO_SLOW = 4408;
    private static final Logger LOG = LoggerFactory.getLogger(LiveSockets.class);

    private final int maxPerUser;
    private final int maxWaitingEvents;
    private final JsonMapper json;
    private final Map<String, Open> open = new ConcurrentHashMap<>();

    /**
     * @param maxPerUser       streams one user may have open
     * @param maxWaitingEvents events one stream may have waiting unsent before it is closed as
     *                         too slow (frames do not count: a newer one replaces an unsent one)
     */
    public LiveSockets(@Value("${spinetrack.security.max-sockets-per-user:20}") int maxPerUser,
                       @Value("${spinetrack.live.max-waiting-events:1000}") int maxWaitingEvents, JsonMapper json) {
        this.maxPerUser = maxPerUser;
        this.maxWaitingEvents = maxWaitingEvents;
        this.json = json;
    }

    /** Events one stream may have waiting unsent; past that it is closed as too slow. */
    public int maxWaitingEvents() {
        return maxWaitingEvents;
    }

    /** A live message as a WebSocket text: the JSON Micronaut would have written for it. */
    public String encode(Object message) {
        try {
            return json.writeValueAsString(message);
        } catch (IOException e) {
            throw new UncheckedIOException("live message not serializable: " + message, e);
        }
    }

    /** A stream's user and its access check (throws when access is gone). */
    private record Open(WebSocketSession session, String user, String what, Runnable check) {
    }

    /** Registers a stream; false (and nothing registered) when the user is at the cap. */
    public synchronized boolean register(WebSocketSession session, String user, String what, Runnable check) {
        long mine = open.values().stream().filter(o -> o.user().equals(user)).count();
        if (mine >= maxPerUser) {
            LOG.info("Live stream {} of {} refused: {} open, cap {}", what, user, mine, maxPerUser);
            return false;
        }
        open.put(session.getId(), new Open(session, user, what, check));
        return true;
    }

    /** Forgets a closed stream. */
    public void unregister(WebSocketSession session) {
        open.remove(session.getId());
    }

    /** Re-checks every open stream; those that lost access close. */
    @EventListener
    public void onAccessChanged(AccessChanged event) {
        for (Open o : open.values()) {
            try {
                o.check().run();
            } catch (RuntimeException e) {
                LOG.info("Live stream {} of {} closed: {} ({})", o.what(), o.user(), event.reason(), e.getMessage());
                open.remove(o.session().getId());
                if (o.session().isOpen()) {
                    o.session().close(new CloseReason(ACCESS_WITHDRAWN, "access withdrawn"));
                }
            }
        }
    }

    /** Streams open now (for tests and metrics). */
    public int size() {
        return open.size();
    }
}
