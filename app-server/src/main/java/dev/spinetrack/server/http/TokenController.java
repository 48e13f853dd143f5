package dev.spinetrack.server.http;

import dev.spinetrack.server.security.Accounts;
import dev.spinetrack.server.security.ApiToken;
import dev.spinetrack.server.session.NotFoundException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

/** Personal API tokens of the calling user, for scripts ({@code Authorization: Bearer <secret>}). */
@Controller("/api/tokens")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "tokens")
public class TokenController {

    private final Accounts accounts;

    public TokenController(Accounts accounts) {
        this.accounts = accounts;
    }

    /**
     * A token to create.
     *
     * @param name the user's label for it
     */
    @Serdeable
    public record NewTokenRequest(@Nullable String name) {
    }

    /**
     * A created token.
     *
     * @param token  as it will be listed
     * @param secret the bearer value; shown only now
     */
    @Serdeable
    public record CreatedToken(ApiToken token, String secret) {
    }

    @Get
    @Operation(summary = "The user's API tokens (without their secrets)")
    public List<ApiToken> list(Authentication auth) {
        return accounts.tokens(auth.getName());
    }

    @Post
    @Operation(summary = "Create a named API token; its secret is in this response only")
    public HttpResponse<CreatedToken> create(Authentication auth, @Body NewTokenRequest body) {
        try {
            Accounts.NewToken t = accounts.createToken(auth.getName(), body.name());
            return HttpResponse.created(new CreatedToken(t.token(), t.secret()));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("name", e.getMessage());
        }
    }

    @Delete("/{id}")
    @Operation(summary = "Revoke one of the user's API tokens")
    public HttpResponse<?> revoke(Authentication auth, long id) {
        if (!accounts.revokeToken(auth.getName(), id)) {
            throw new NotFoundException("token", id);
        }
        return HttpResponse.noContent();
    }
}
