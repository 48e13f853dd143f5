package dev.spinetrack.server.security;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Set;

/**
 * Cross-site request forgery guard for requests that rode on the login cookie (bearer tokens
 * are not ambient, so they need none): a state-changing request must echo the session's CSRF
 * token in {@value #HEADER}, and a WebSocket handshake must come from the server's own origin.
 * The cookie is also {@code SameSite=Strict}; this covers browsers and proxies that ignore it.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
public class CsrfFilter implements HttpServerFilter {

    /** The header carrying the CSRF token. */
    public static final String HEADER = "X-CSRF-Token";
    private static final Logger LOG = LoggerFactory.getLogger(CsrfFilter.class);
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.TRACE);

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        String csrf = request.getUserPrincipal(Authentication.class)
                .map(a -> (String) a.getAttributes().get(CredentialFetcher.CSRF_ATTRIBUTE)).orElse(null);
        if (csrf == null) {
            return chain.proceed(request);
        }
        String refusal = null;
        if (!SAFE.contains(request.getMethod())) {
            String sent = request.getHeaders().get(HEADER);
            if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                    csrf.getBytes(StandardCharsets.UTF_8))) {
                refusal = "missing or wrong " + HEADER + " header";
            }
        } else if ("websocket".equalsIgnoreCase(request.getHeaders().get("Upgrade"))
                && !sameOrigin(request.getHeaders().get("Origin"), request.getHeaders().get("Host"))) {
            refusal = "WebSocket from a foreign origin";
        }
        if (refusal == null) {
            return chain.proceed(request);
        }
        LOG.info("CSRF refusal: {} {}: {}", request.getMethod(), request.getPath(), refusal);
        return Publishers.just(HttpResponse.status(HttpStatus.FORBIDDEN).body(Map.of("type", "about:blank",
                "title", "Forbidden", "status", 403, "detail", refusal)));
    }

    static boolean sameOrigin(String origin, String host) {
        if (origin == null) {
            return true; // not a browser: no ambient cookie was carried by a foreign page
        }
        if (host == null) {
            return false;
        }
        try {
            URI o = URI.create(origin);
            String authority = o.getPort() < 0 ? o.getHost() : o.getHost() + ":" + o.getPort();
            return host.equalsIgnoreCase(authority);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
