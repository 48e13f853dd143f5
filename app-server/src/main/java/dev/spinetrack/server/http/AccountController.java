package dev.spinetrack.server.http;

import dev.spinetrack.server.security.Account;
import dev.spinetrack.server.security.Accounts;
import dev.spinetrack.server.security.Role;
import dev.spinetrack.server.session.NotFoundException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

/** Account management, for admins only. */
@Controller("/api/accounts")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("ADMIN")
@Tag(name = "accounts")
public class AccountController {

    private final Accounts accounts;

    public AccountController(Accounts accounts) {
        this.accounts = accounts;
    }

    /**
     * An account as listed.
     *
     * @param user      user id
     * @param role      USER or ADMIN
     * @param disabled  switched off
     * @param createdAt epoch ms
     */
    @Serdeable
    public record AccountView(String user, String role, boolean disabled, long createdAt) {
        static AccountView of(Account a) {
            return new AccountView(a.id(), a.role().name(), a.disabled(), a.createdAt());
        }
    }

    /**
     * An account to create or reset.
     *
     * @param user     user id
     * @param password at least 10 characters
     * @param role     USER (default) or ADMIN
     */
    @Serdeable
    public record SaveAccount(@Nullable String user, @Nullable String password, @Nullable String role) {
    }

    /**
     * Switch an account off or on.
     *
     * @param disabled true: no login, tokens and gateways refused
     */
    @Serdeable
    public record SetDisabled(boolean disabled) {
    }

    @Get
    @Operation(summary = "Every account")
    public List<AccountView> list() {
        return accounts.all().stream().map(AccountView::of).toList();
    }

    @Post
    @Operation(summary = "Create an account, or reset the password and role of an existing one")
    public HttpResponse<AccountView> save(@Body SaveAccount body) {
        Role role;
        try {
            role = body.role() == null ? Role.USER : Role.valueOf(body.role());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("role", "must be USER or ADMIN");
        }
        try {
            return HttpResponse.created(AccountView.of(accounts.save(body.user(), body.password(), role)));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage().contains("password") ? "password" : "user", e.getMessage());
        }
    }

    @Put("/{id}/disabled")
    @Operation(summary = "Switch an account off (its logins end, its tokens stop working) or on")
    public HttpResponse<?> disable(String id, @Body SetDisabled body) {
        if (!accounts.setDisabled(id, body.disabled())) {
            throw new NotFoundException("account", id);
        }
        return HttpResponse.noContent();
    }
}
