package dev.spinetrack.server.http;

import dev.spinetrack.protocol.region.Region;
import dev.spinetrack.protocol.region.RegionCatalog;
import dev.spinetrack.server.session.SessionDetail;
import dev.spinetrack.server.security.Accounts;
import dev.spinetrack.server.session.NotFoundException;
import dev.spinetrack.server.session.SessionService;
import dev.spinetrack.server.storage.SessionRow;
import dev.spinetrack.server.engine.tracking.RegionStats;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.util.List;

/** Sessions of the calling user. */
@Secured(SecurityRule.IS_AUTHENTICATED)
@Controller("/api/sessions")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "sessions")
public class SessionController {

    private final SessionService service;
    private final CurrentUser users;

    private final Accounts accounts;

    public SessionController(SessionService service, CurrentUser users, Accounts accounts) {
        this.accounts = accounts;
        this.service = service;
        this.users = users;
    }

    @Get
    @Operation(summary = "The user's sessions, newest first")
    public List<Views.SessionView> list(Authentication user,
                                        @QueryValue @Nullable String device,
                                        @QueryValue @Nullable String client,
                                        @QueryValue(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new BadRequestException("limit", "must be between 1 and 1000");
        }
        String d = device == null ? null : checkDevice(device);
        return service.sessions(readable(users.resolve(user), client), d, limit).stream().map(s -> Views.SessionView.of(s, null))
                .toList();
    }

    @Post
    @Operation(summary = "Start a session on a device")
    public HttpResponse<Views.SessionView> start(Authentication user,
                                                 @Valid @Body Requests.StartSession body) {
        SessionRow s = service.start(users.resolve(user), body.device());
        return HttpResponse.created(Views.SessionView.of(s, List.of()));
    }

    @Get("/{id}")
    @Operation(summary = "A session with per-region statistics")
    public Views.SessionDetailView get(Authentication user, long id) {
        return detail(service.sessionForReader(users.resolve(user), id, accounts::canRead));
    }

    @Post("/{id}/stop")
    @Operation(summary = "Stop a session")
    public Views.SessionView stop(Authentication user, long id) {
        String u = users.resolve(user);
        service.stop(u, id);
        SessionDetail d = service.session(u, id);
        return Views.SessionView.of(d.session(), d.regions());
    }

    @Post("/{id}/tags")
    @Operation(summary = "Tag the region a ball works on (NONE clears it), from 'at' (device epoch ms; default: the device's next sample)")
    public Views.SessionDetailView tag(Authentication user, long id,
                                       @Valid @Body Requests.TagRegion body) {
        String u = users.resolve(user);
        service.session(u, id);
        Region region = "NONE".equals(body.region()) ? null : RegionCatalog.parse(body.region())
                .orElseThrow(() -> new BadRequestException("region", "unknown region '" + body.region()
                        + "', expected NONE or one of " + List.of(Region.values())));
        if (body.at() == null) {
            service.tagRegionNow(id, region); // device time, like every instant a sample is judged against
        } else {
            service.tagRegion(id, region, body.at());
        }
        return detail(service.session(u, id));
    }

    @Put("/{id}/band")
    @Operation(summary = "Set the target band (device unit) from now on")
    public Views.SessionDetailView band(Authentication user, long id,
                                        @Valid @Body Requests.SetBand body) {
        String u = users.resolve(user);
        service.session(u, id);
        if (body.high() < body.low()) {
            throw new BadRequestException("high", "must be >= low (" + body.low() + ")");
        }
        service.setTargetBand(id, body.low(), body.high());
        return detail(service.session(u, id));
    }

    @Get("/{id}/regions")
    @Operation(summary = "Per-region statistics of a session")
    public List<RegionStats> regions(Authentication user, long id) {
        return service.sessionForReader(users.resolve(user), id, accounts::canRead).regions();
    }

    @Get(value = "/{id}/export", produces = {MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(summary = "Export a session's per-region statistics as CSV or JSON (format=csv|json)")
    public HttpResponse<?> export(Authentication user, long id,
                                  @QueryValue(defaultValue = "json") String format) {
        SessionDetail d = service.sessionForReader(users.resolve(user), id, accounts::canRead);
        return switch (format) {
            case "json" -> HttpResponse.ok(detail(d)).contentType(MediaType.APPLICATION_JSON_TYPE);
            case "csv" -> HttpResponse.ok(CsvExport.session(d)).contentType("text/csv")
                    .header("Content-Disposition", "attachment; filename=\"session-" + id + ".csv\"");
            default -> throw new BadRequestException("format", "must be csv or json");
        };
    }

    /** Whose sessions a list shows: the caller's, or a client's who granted the caller read access. */
    private String readable(String caller, String client) {
        if (client == null || client.equals(caller)) {
            return caller;
        }
        if (!accounts.canRead(caller, client)) {
            throw new NotFoundException("client", client);
        }
        return client;
    }

    static Views.SessionDetailView detail(SessionDetail d) {
        return new Views.SessionDetailView(Views.SessionView.of(d.session(), d.regions()), d.regions(), d.marks());
    }

    private static String checkDevice(String device) {
        if (!dev.spinetrack.protocol.mqtt.Topics.validDeviceId(device)) {
            throw new BadRequestException("device", "a device id is 12 lower-case hex digits");
        }
        return device;
    }
}
