package dev.spinetrack.server.http;

import dev.spinetrack.server.security.Accounts;
import dev.spinetrack.server.session.NotFoundException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

/** Read access to the calling user's history that they grant a coach (physio, studio). */
@Controller("/api/grants")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "grants")
public class GrantController {

    private final Accounts accounts;

    public GrantController(Accounts accounts) {
        this.accounts = accounts;
    }

    /**
     * Grants around the calling user.
     *
     * @param coaches who may read my history
     * @param clients whose history I may read
     */
    @Serdeable
    public record Grants(List<String> coaches, List<String> clients) {
    }

    @Get
    @Operation(summary = "Coaches I granted read access, and clients who granted it to me")
    public Grants list(Authentication auth) {
        return new Grants(accounts.coachesOf(auth.getName()), accounts.clientsOf(auth.getName()));
    }

    @Put("/{coach}")
    @Operation(summary = "Let a coach read my devices, sessions, history and tender spots")
    public Grants grant(Authentication auth, String coach) {
        try {
            accounts.grant(auth.getName(), coach);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("coach", e.getMessage());
        }
        return list(auth);
    }

    @Delete("/{coach}")
    @Operation(summary = "Take a coach's read access back (their open live streams of my devices close)")
    public HttpResponse<Grants> revoke(Authentication auth, String coach) {
        if (!accounts.revokeGrant(auth.getName(), coach)) {
            throw new NotFoundException("grant to", coach);
        }
        return HttpResponse.ok(list(auth));
    }
}
