package dev.spinetrack.server.security;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Establishes who is asking: {@code Authorization: Bearer <API token>} first, else the login
 * session cookie. The lookup is a database read, so it runs on the blocking pool, not on the
 * event loop.
 */
@Singleton
public class CredentialFetcher implements AuthenticationFetcher<HttpRequest<?>> {

    /** Name of the login session cookie. */
    public static final String COOKIE = "spinetrack_session";
    /** Authentication attribute holding the CSRF token of a cookie login. */
    public static final String CSRF_ATTRIBUTE = "csrf";

    private final Accounts accounts;
    private final ExecutorService blocking;

    public CredentialFetcher(Accounts accounts, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.accounts = accounts;
        this.blocking = blocking;
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        String bearer = bearer(request);
        String cookie = bearer != null ? null : request.getCookies().findCookie(COOKIE).map(Cookie::getValue)
                .orElse(null);
        if (bearer == null && cookie == null) {
            return Publishers.empty();
        }
        CompletableFuture<Authentication> f = CompletableFuture.supplyAsync(() -> {
            Optional<Caller> c = bearer != null ? accounts.authenticate(bearer, false)
                    : accounts.authenticate(cookie, true);
            return c.map(CredentialFetcher::authentication).orElse(null);
        }, blocking);
        return Publishers.fromCompletableFuture(f);
    }

    static Authentication authentication(Caller c) {
        Map<String, Object> attributes = new HashMap<>();
        if (c.csrf() != null) {
            attributes.put(CSRF_ATTRIBUTE, c.csrf());
        }
        List<String> roles = c.role() == Role.ADMIN ? List.of(Role.USER.name(), Role.ADMIN.name())
                : List.of(Role.USER.name());
        return Authentication.build(c.user(), roles, attributes);
    }

    private static String bearer(HttpRequest<?> request) {
        String h = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return h.substring(7).strip();
    }
}
