package dev.spinetrack.server.http;

import dev.spinetrack.protocol.region.Region;
import dev.spinetrack.protocol.region.RegionCatalog;
import dev.spinetrack.server.security.Accounts;
import dev.spinetrack.server.session.NotFoundException;
import dev.spinetrack.server.session.SessionService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

/** The region catalog and per-region history across sessions. */
@Secured(SecurityRule.IS_AUTHENTICATED)
@Controller("/api/regions")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "regions")
public class RegionController {

    private final SessionService service;
    private final CurrentUser users;

    private final Accounts accounts;

    public RegionController(SessionService service, CurrentUser users, Accounts accounts) {
        this.accounts = accounts;
        this.service = service;
        this.users = users;
    }

    @Get
    @Operation(summary = "The region catalog (fixed for a server version: browsers may keep it an hour)")
    public HttpResponse<List<Views.RegionView>> catalog() {
        return HttpResponse.ok(RegionCatalog.all().stream().map(Views.RegionView::of).toList())
                .header("Cache-Control", "private, max-age=3600");
    }

    @Get(value = "/{region}/history", produces = {MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(summary = "A region's statistics in each of the user's sessions, oldest first (format=json|csv)")
    public HttpResponse<?> history(Authentication user, String region,
                                   @QueryValue @Nullable String device,
                                   @QueryValue @Nullable String client,
                                   @QueryValue(defaultValue = "json") String format) {
        Region r = RegionCatalog.parse(region).orElseThrow(() -> new BadRequestException("region",
                "unknown region '" + region + "'"));
        if (device != null && !dev.spinetrack.protocol.mqtt.Topics.validDeviceId(device)) {
            throw new BadRequestException("device", "a device id is 12 lower-case hex digits");
        }
        String caller = users.resolve(user);
        String whose = client == null ? caller : client;
        if (!accounts.canRead(caller, whose)) {
            throw new NotFoundException("client", client); // no grant: as if there were no such client
        }
        List<Views.RegionHistoryView> rows = service.regionHistory(whose, r, device).stream()
                .map(Views.RegionHistoryView::of).toList();
        return switch (format) {
            case "json" -> HttpResponse.ok(rows).contentType(MediaType.APPLICATION_JSON_TYPE);
            case "csv" -> HttpResponse.ok(CsvExport.history(rows)).contentType("text/csv");
            default -> throw new BadRequestException("format", "must be csv or json");
        };
    }
}
