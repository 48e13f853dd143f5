package dev.spinetrack.server.http;

import dev.spinetrack.server.live.LiveFeed;
import dev.spinetrack.server.live.LiveMessage;
import dev.spinetrack.server.live.LiveSockets;
import dev.spinetrack.server.session.NotFoundException;
import dev.spinetrack.server.session.SessionService;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Consumer;

/**
 * Shared plumbing of the live WebSockets: check access and subscribe on open, unsubscribe on
 * close; access is checked again whenever it may have changed ({@link LiveSockets}).
 */
abstract class LiveSocket {

    private static final Logger LOG = LoggerFactory.getLogger(LiveSocket.class);
    private static final String SUBSCRIPTION = "spinetrack.subscription";
    private static final String SENDER = "spinetrack.sender";

    protected final LiveFeed feed;
    protected final SessionService sessions;
    protected final LiveSockets sockets;

    LiveSocket(LiveFeed feed, SessionService sessions, LiveSockets sockets) {
        this.feed = feed;
        this.sessions = sessions;
        this.sockets = sockets;
    }

    /** The user of a socket, as the security filter established it for the handshake. */
    protected static String user(HttpRequest<?> request) {
        return request.getUserPrincipal(Authentication.class).map(Authentication::getName)
                .orElseThrow(() -> new IllegalStateException("live socket without authentication"));
    }

    /**
     * Checks access, registers the stream and subscribes it.
     *
     * @param check throws {@link NotFoundException} when the user may not see the stream
     */
    protected void attach(WebSocketSession session, HttpRequest<?> request, String what, Runnable check,
                          Subscriber subscriber) {
        try {
            String user = user(request);
            check.run();
            if (!sockets.register(session, user, what, check)) {
                session.close(new CloseReason(LiveSockets.TOO_MANY, "too many live streams"));
                return;
            }
            LiveSender send = new LiveSender(session, what, user, sockets::encode, sockets.maxWaitingEvents(),
                    feed::later);
            session.put(SENDER, send);
            session.put(SUBSCRIPTION, subscriber.subscribe(send));
        } catch (NotFoundException e) {
            session.close(new CloseReason(4404, e.getMessage()));
        } catch (RuntimeException e) {
            LOG.warn("Live socket refused: {}", e.getMessage());
            session.close(new CloseReason(4400, String.valueOf(e.getMessage())));
        }
    }

    protected void detach(WebSocketSession session) {
        sockets.unregister(session);
        session.get(SUBSCRIPTION, AutoCloseable.class).ifPresent(s -> {
            try {
                s.close();
            } catch (Exception e) {
                LOG.debug("unsubscribe: {}", e.toString());
            }
        });
        session.get(SENDER, LiveSender.class).ifPresent(LiveSender::close);
    }

    /** Subscribes a sender. */
    @FunctionalInterface
    interface Subscriber {
        AutoCloseable subscribe(Consumer<LiveMessage> send);
    }
}
