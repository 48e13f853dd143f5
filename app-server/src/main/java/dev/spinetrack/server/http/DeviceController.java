package dev.spinetrack.server.http;

import dev.spinetrack.server.live.LiveFeed;
import dev.spinetrack.server.live.LiveFrame;
import dev.spinetrack.server.session.NotFoundException;
import dev.spinetrack.server.session.SessionService;
import dev.spinetrack.server.storage.DeviceRow;
import dev.spinetrack.server.storage.SessionRow;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.util.List;

/** Devices of the calling user. */
@Controller("/api/devices")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "devices")
public class DeviceController {

    private final SessionService service;
    private final CurrentUser users;
    private final LiveFeed live;

    public DeviceController(SessionService service, CurrentUser users, LiveFeed live) {
        this.service = service;
        this.users = users;
        this.live = live;
    }

    @Get
    @Operation(summary = "The user's devices")
    public List<Views.DeviceView> list(@Header(CurrentUser.HEADER) @Nullable String user) {
        return service.devices(users.resolve(user)).stream().map(this::view).toList();
    }

    @Get("/{id}")
    @Operation(summary = "One device")
    public Views.DeviceView get(@Header(CurrentUser.HEADER) @Nullable String user, String id) {
        return view(service.device(users.resolve(user), CurrentUser.deviceId(id)));
    }

    @Get("/{id}/live")
    @Operation(summary = "The device's latest live frame (the WebSocket /ws/devices/{id} streams them)")
    public LiveFrame latest(@Header(CurrentUser.HEADER) @Nullable String user, String id) {
        service.device(users.resolve(user), CurrentUser.deviceId(id));
        LiveFrame f = live.latest(id);
        if (f == null) {
            throw new NotFoundException("live frame yet for device", id);
        }
        return f;
    }

    @Put("/{id}/owner")
    @Operation(summary = "Give the device to another user")
    public Views.DeviceView transfer(@Header(CurrentUser.HEADER) @Nullable String user, String id,
                                     @Valid @Body Requests.TransferDevice body) {
        return view(service.transferDevice(users.resolve(user), CurrentUser.deviceId(id), body.user()));
    }

    private Views.DeviceView view(DeviceRow d) {
        return Views.DeviceView.of(d, service.openSession(d.id()).map(SessionRow::id).orElse(null));
    }
}
