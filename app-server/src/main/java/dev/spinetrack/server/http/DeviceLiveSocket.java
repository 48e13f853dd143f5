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

/**
 * {@code /ws/devices/{id}}: the device's live frames (focus region, pressure per channel, tilt,
 * band feedback) at up to 20 Hz, and its events, as JSON text messages: {@code session} (started,
 * ended), {@code regions} (the open session's figures as stored), {@code status}
 * ({@link dev.spinetrack.server.live.DeviceChange}), {@code guide}, {@code reboot}. Everything the
 * dashboard shows of the device after its first load comes this way.
 */
@Secured(SecurityRule.IS_AUTHENTICATED)
@ServerWebSocket("/ws/devices/{id}")
@ExecuteOn(TaskExecutors.BLOCKING)
public class DeviceLiveSocket extends LiveSocket {

    public DeviceLiveSocket(LiveFeed feed, SessionService sessions, LiveSockets sockets) {
        super(feed, sessions, sockets);
    }

    @OnOpen
    public void open(String id, WebSocketSession session, HttpRequest<?> request) {
        String user = user(request);
        attach(session, request, "device " + id, () -> sessions.device(user, CurrentUser.deviceId(id)),
                send -> feed.subscribeDevice(id, send));
    }

    @OnMessage
    public void message(String id, String text, WebSocketSession session) {
        // the stream is one-way; client messages are ignored
    }

    @OnClose
    public void close(String id, WebSocketSession session) {
        detach(session);
    }
}
