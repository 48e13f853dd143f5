package dev.spinetrack.server.http;

import dev.spinetrack.server.live.LiveFeed;
import dev.spinetrack.server.security.Accounts;
import dev.spinetrack.server.live.LiveFrame;
import dev.spinetrack.server.session.NotFoundException;
import dev.spinetrack.server.session.SessionService;
import dev.spinetrack.server.storage.DeviceRow;
import dev.spinetrack.server.storage.SessionRow;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.util.List;

/** Devices of the calling user. */
@Secured(SecurityRule.IS_AUTHENTICATED)
@Controller("/api/devices")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "devices")
public class DeviceController {

    private final SessionService service;
    private final CurrentUser users;
    private final LiveFeed live;

    private final Accounts accounts;

    public DeviceController(SessionService service, CurrentUser users, LiveFeed live, Accounts accounts) {
        this.accounts = accounts;
        this.service = service;
        this.users = users;
        this.live = live;
    }

    @Get
    @Operation(summary = "The user's devices")
    public List<Views.DeviceView> list(Authentication user) {
        return service.devices(users.resolve(user)).stream().map(this::view).toList();
    }

    @Get("/{id}")
    @Operation(summary = "One device")
    public Views.DeviceView get(Authentication user, String id) {
        return view(service.device(users.resolve(user), CurrentUser.deviceId(id)));
    }

    @Get("/{id}/live")
    @Operation(summary = "The device's latest live frame (the WebSocket /ws/devices/{id} streams them)")
    public LiveFrame latest(Authentication user, String id) {
        service.device(users.resolve(user), CurrentUser.deviceId(id));
        LiveFrame f = live.latest(id);
        if (f == null) {
            throw new NotFoundException("live frame yet for device", id);
        }
        return f;
    }

    @Put("/{id}/owner")
    @Operation(summary = "Give the device to another user")
    public Views.DeviceView transfer(Authentication user, String id,
                                     @Valid @Body Requests.TransferDevice body) {
        String from = users.resolve(user);
        CurrentUser.deviceId(id);
        service.device(from, id);
        if (!accounts.exists(body.user())) {
            throw new BadRequestException("user", "no account '" + body.user() + "'");
        }
        return view(service.transferDevice(from, id, body.user()));
    }

    private Views.DeviceView view(DeviceRow d) {
        return Views.DeviceView.of(d, service.openSession(d.id()).map(SessionRow::id).orElse(null));
    }
}
