package dev.spinetrack.server.http;

import dev.spinetrack.server.live.DeviceChange;
import dev.spinetrack.server.live.LiveFeed;
import dev.spinetrack.server.live.LiveSockets;
import dev.spinetrack.server.security.Accounts;
import dev.spinetrack.server.session.NotFoundException;
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

/**
 * {@code /ws/devices}: a {@code status} event ({@link DeviceChange}) whenever one of the user's
 * devices appears or changes state, name or owner; only the user's own devices, judged by the
 * owner each event carries. The dashboard keeps its device list from it instead of asking again.
 */
@Secured(SecurityRule.IS_AUTHENTICATED)
@ServerWebSocket("/ws/devices")
@ExecuteOn(TaskExecutors.BLOCKING)
public class MyDevicesLiveSocket extends LiveSocket {

    private final Accounts accounts;

    public MyDevicesLiveSocket(LiveFeed feed, SessionService sessions, LiveSockets sockets, Accounts accounts) {
        super(feed, sessions, sockets);
        this.accounts = accounts;
    }

    @OnOpen
    public void open(WebSocketSession session, HttpRequest<?> request) {
        String user = user(request);
        attach(session, request, "devices of " + user, () -> {
            if (!accounts.exists(user)) {
                throw new NotFoundException("user", user);
            }
        }, send -> feed.subscribeAll(m -> {
            if (DeviceChange.ofOwner(m.message(), user)) {
                send.accept(m);
            }
        }));
    }

    @OnMessage
    public void message(String text, WebSocketSession session) {
        // the stream is one-way; client messages are ignored
    }

    @OnClose
    public void close(WebSocketSession session) {
        detach(session);
    }
}
