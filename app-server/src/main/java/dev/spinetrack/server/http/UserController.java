package dev.spinetrack.server.http;

import dev.spinetrack.server.session.SessionService;
import io.micronaut.http.annotation.Controller;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The calling user (logged in, or named by their API token). */
@Secured(SecurityRule.IS_AUTHENTICATED)
@Controller("/api/users")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "users")
public class UserController {

    private final SessionService service;
    private final CurrentUser users;

    public UserController(SessionService service, CurrentUser users) {
        this.service = service;
        this.users = users;
    }

    @Get("/me")
    @Operation(summary = "Who the server thinks is asking")
    public Views.UserView me(Authentication user) {
        String u = users.resolve(user);
        return new Views.UserView(u, service.devices(u).size());
    }
}
