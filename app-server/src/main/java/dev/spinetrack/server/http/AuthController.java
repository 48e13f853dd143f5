package dev.spinetrack.server.http;

import dev.spinetrack.server.security.Account;
import dev.spinetrack.server.security.Accounts;
import dev.spinetrack.server.security.CredentialFetcher;
import dev.spinetrack.server.security.CsrfFilter;
import dev.spinetrack.server.security.LoginThrottle;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Dashboard login and logout. A login sets the session cookie (HttpOnly, SameSite=Strict) and
 * returns the CSRF token that state-changing requests made with it must echo in
 * {@value CsrfFilter#HEADER}. Scripts use personal API tokens instead ({@code /api/tokens}).
 * Repeated wrong passwords lock the user id and the client address for a while
 * ({@link LoginThrottle}): 429 with {@code Retry-After}.
 */
@Controller("/api/auth")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "auth")
public class AuthController {

    private static final Logger LOG = LoggerFactory.getLogger(AuthController.class);

    private final Accounts accounts;
    private final LoginThrottle throttle = new LoginThrottle();
    private final boolean secureCookie;
    private final Duration sessionLength;

    public AuthController(Accounts accounts, @Value("${spinetrack.security.secure-cookie:false}") boolean secureCookie,
                          @Value("${spinetrack.security.session-hours:12}") int sessionHours) {
        this.accounts = accounts;
        this.secureCookie = secureCookie;
        this.sessionLength = Duration.ofHours(sessionHours);
    }

    /**
     * Credentials of a login.
     *
     * @param username user id
     * @param password password
     */
    @Serdeable
    public record LoginForm(@Nullable String username, @Nullable String password) {
    }

    /**
     * Who is logged in.
     *
     * @param user user id
     * @param role USER or ADMIN
     * @param csrf token to send in X-CSRF-Token with POST/PUT/DELETE (null when using a bearer token)
     */
    @Serdeable
    public record Me(String user, String role, @Nullable String csrf) {
    }

    @Post(value = "/login", consumes = {MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED})
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "Log in with user id and password (JSON or a form); sets the session cookie")
    public MutableHttpResponse<?> login(HttpRequest<?> request, @Body LoginForm form) {
        boolean isForm = request.getContentType().map(t -> t.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE))
                .orElse(false);
        java.net.InetAddress peer = request.getRemoteAddress().getAddress();
        // a loopback peer is this machine or a reverse proxy in front of everyone: locking it would
        // lock every user out, so only the user id counts for it
        String address = peer.isLoopbackAddress() ? null : peer.getHostAddress();
        long now = System.currentTimeMillis();
        Optional<Duration> wait = throttle.wait(form.username(), address, now);
        if (wait.isPresent()) {
            // refused before the password is checked, so guessing gains nothing while locked
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            return isForm ? HttpResponse.seeOther(URI.create("/login.html?locked=" + seconds))
                    : HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", Long.toString(seconds))
                    .body(new Problem("about:blank", "Too Many Requests", 429, "too many failed logins for this user "
                            + "or from this address; try again in " + seconds + " s", java.util.List.of()));
        }
        Optional<Account> a = accounts.verify(form.username(), form.password());
        if (a.isEmpty()) {
            Optional<Duration> lock = throttle.failed(form.username(), address, now);
            if (lock.isPresent()) {
                LOG.warn("Login refused for '{}' from {}; further attempts wait {} s (repeated failures)",
                        form.username(), address, lock.get().toSeconds());
            } else {
                LOG.info("Login refused for '{}' from {}", form.username(), address);
            }
            return isForm ? HttpResponse.seeOther(URI.create("/login.html?failed"))
                    : HttpResponse.status(HttpStatus.UNAUTHORIZED).body(new Problem("about:blank", "Unauthorized",
                    401, "wrong user or password", java.util.List.of()));
        }
        throttle.succeeded(form.username());
        Accounts.Login login = accounts.login(a.get());
        LOG.info("Login of {}", login.user());
        Cookie cookie = Cookie.of(CredentialFetcher.COOKIE, login.token()).httpOnly(true).sameSite(SameSite.Strict)
                .path("/").maxAge(sessionLength).secure(secureCookie);
        MutableHttpResponse<?> r = isForm ? HttpResponse.seeOther(URI.create("/"))
                : HttpResponse.ok(new Me(login.user(), login.role().name(), login.csrf()));
        return r.cookie(cookie);
    }

    @Post("/logout")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "End the login session and clear its cookie")
    public MutableHttpResponse<?> logout(HttpRequest<?> request) {
        request.getCookies().findCookie(CredentialFetcher.COOKIE).ifPresent(c -> accounts.logout(c.getValue()));
        return HttpResponse.noContent().cookie(Cookie.of(CredentialFetcher.COOKIE, "").httpOnly(true)
                .sameSite(SameSite.Strict).path("/").maxAge(0).secure(secureCookie));
    }

    @Get("/me")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Who is logged in, and the CSRF token of a cookie login")
    public Me me(Authentication auth) {
        String role = auth.getRoles().contains("ADMIN") ? "ADMIN" : "USER";
        return new Me(auth.getName(), role, (String) auth.getAttributes().get(CredentialFetcher.CSRF_ATTRIBUTE));
    }
}
