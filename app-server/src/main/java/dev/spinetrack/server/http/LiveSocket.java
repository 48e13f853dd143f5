package dev.spinetrack.server.http;

import dev.spinetrack.server.live.LiveFeed;
import dev.spinetrack.server.http.CurrentUser;
import dev.spinetrack.server.session.NotFoundException;
import dev.spinetrack.server.session.SessionService;
import io.micronaut.http.HttpRequest;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Consumer;

/** Shared plumbing of the live WebSockets: subscribe on open, unsubscribe on close. */
abstract class LiveSocket {

    private static final Logger LOG = LoggerFactory.getLogger(LiveSocket.class);
    private static final String SUBSCRIPTION = "spinetrack.subscription";

    protected final LiveFeed feed;
    protected final SessionService sessions;
    protected final CurrentUser users;

    LiveSocket(LiveFeed feed, SessionService sessions, CurrentUser users) {
        this.feed = feed;
        this.sessions = sessions;
        this.users = users;
    }

    /** The user of a socket: the {@code user} query parameter or the header, else the default user. */
    protected String user(WebSocketSession session, HttpRequest<?> request) {
        String q = session.getRequestParameters().get("user");
        String h = request.getHeaders().get(CurrentUser.HEADER);
        return users.resolve(q != null ? q : h);
    }

    protected void attach(WebSocketSession session, Subscriber subscriber) {
        try {
            Consumer<Object> send = message -> {
                if (session.isOpen()) {
                    session.sendAsync(message);
                }
            };
            session.put(SUBSCRIPTION, subscriber.subscribe(send));
        } catch (NotFoundException e) {
            session.close(new CloseReason(4404, e.getMessage()));
        } catch (RuntimeException e) {
            LOG.warn("Live socket refused: {}", e.getMessage());
            session.close(new CloseReason(4400, String.valueOf(e.getMessage())));
        }
    }

    protected void detach(WebSocketSession session) {
        session.get(SUBSCRIPTION, AutoCloseable.class).ifPresent(s -> {
            try {
                s.close();
            } catch (Exception e) {
                LOG.debug("unsubscribe: {}", e.toString());
            }
        });
    }

    /** Subscribes a sender after checking access. */
    @FunctionalInterface
    interface Subscriber {
        AutoCloseable subscribe(Consumer<Object> send);
    }
}
