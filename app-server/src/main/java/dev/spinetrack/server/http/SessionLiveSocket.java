package dev.spinetrack.server.http;

import dev.spinetrack.server.live.LiveFeed;
import dev.spinetrack.server.live.LiveSockets;
import dev.spinetrack.server.session.SessionService;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnClose;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;

/** {@code /ws/sessions/{id}}: the live frames and events of one session. */
@Secured(SecurityRule.IS_AUTHENTICATED)
@ServerWebSocket("/ws/sessions/{id}")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SessionLiveSocket extends LiveSocket {

    public SessionLiveSocket(LiveFeed feed, SessionService sessions, LiveSockets sockets) {
        super(feed, sessions, sockets);
    }

    @OnOpen
    public void open(long id, WebSocketSession session, HttpRequest<?> request) {
        String user = user(request);
        attach(session, request, "session " + id, () -> sessions.session(user, id),
                send -> feed.subscribeSession(id, send));
    }

    @OnMessage
    public void message(long id, String text, WebSocketSession session) {
        // the stream is one-way; client messages are ignored
    }

    @OnClose
    public void close(long id, WebSocketSession session) {
        detach(session);
    }
}
