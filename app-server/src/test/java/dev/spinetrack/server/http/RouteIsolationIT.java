package dev.spinetrack.server.http;

import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.server.ingest.IngestCounters;
import dev.spinetrack.testing.Await;
import dev.spinetrack.server.testing.ScenarioSamples;
import dev.spinetrack.testing.TestBroker;
import dev.spinetrack.server.testing.TestDatabase;
import dev.spinetrack.server.testing.TestPublisher;
import dev.spinetrack.server.testing.TestServer;
import io.micronaut.context.BeanDefinitionRegistry;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.web.router.Router;
import io.micronaut.websocket.annotation.ServerWebSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Isolation, generated from the server's own route list (Micronaut's {@link Router} and every
 * {@code @ServerWebSocket} bean), so an endpoint added later is covered without editing this
 * test: for each route, an anonymous request gets 401 (a short public list aside); user B
 * with a valid token, naming user A's resources, gets 403 or 404 (a WebSocket closes with
 * 4403/4404); a route without path variables answers B without any of A's ids (a WebSocket
 * stays open and carries none of A's changes); and A's data
 * is intact afterwards. A route whose path variable this test has no fixture for fails it:
 * whoever adds one decides what it names and how it is checked.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteIsolationIT {

    private static final Duration LIMIT = Duration.ofSeconds(60);
    /** Routes anyone may call: logging in, and whether the server is up. */
    private static final Set<String> PUBLIC = Set.of("POST /api/auth/login", "GET /health");
    /** Path variables that name something of the caller's own choosing, not someone's resource. */
    private static final Set<String> CALLERS_OWN = Set.of("region", "coach");
    /** Routes for admins only: B, a plain user, gets 403. */
    private static final List<String> ADMIN_ONLY = List.of("/api/accounts", "/api/admin", "/prometheus", "/health/");

    private TestBroker broker;
    private TestDatabase db;
    private EmbeddedServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private String a;
    private String b;
    private final Map<String, String> fixtures = new LinkedHashMap<>();
    private String aDevice;
    private long aSession;
    private String gateway;
    private dev.spinetrack.protocol.mqtt.DeviceInfo aInfo;

    @BeforeAll
    void start() throws Exception {
        broker = TestBroker.shared();
        db = TestDatabase.create();
        gateway = "it-iso-" + UUID.randomUUID().toString().substring(0, 8);
        server = TestServer.start(TestServer.properties(broker.url(), db, gateway, gateway + "-server"));
        a = TestServer.bearer(server, TestServer.DEFAULT_USER);
        b = TestServer.bearer(server, "mallory");
        ScenarioSamples.DeviceRun run = ScenarioSamples.play("rack-decompression", gateway).get(0);
        aDevice = run.info().device();
        aInfo = run.info();
        try (TestPublisher p = new TestPublisher(broker.url(), gateway)) {
            p.info(run.info());
            List<Sample> first = run.samples().subList(0, 500);
            p.batch(aDevice, first);
            IngestCounters counters = server.getApplicationContext().getBean(IngestCounters.class);
            Await.until("A's samples stored", LIMIT, () -> counters.storedSamples() >= first.size());
        }
        // A's resources of every kind a route may name
        aSession = Long.parseLong(field(send(a, "POST", "/api/sessions", "{\"device\":\"" + aDevice + "\"}"), "id"));
        String program = "iso-" + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> up = send(a, "POST", "/api/programs", "{\"id\":\"" + program + "\",\"name\":\"A's\","
                + "\"device\":\"BALL\",\"steps\":[{\"id\":\"s\",\"title\":\"S\",\"kind\":\"mobilize\",\"repAxis\":\"roll\",\"sets\":1,\"reps\":3}]}");
        assertEquals(201, up.statusCode(), up.body());
        String guided = field(send(a, "POST", "/api/guided-sessions", "{\"device\":\"" + aDevice
                + "\",\"program\":\"rack-decompression\"}"), "id");
        String token = field(send(a, "POST", "/api/tokens", "{\"name\":\"A's script\"}"), "id");
        String aGateway = "iso-a-" + UUID.randomUUID().toString().substring(0, 6);
        assertEquals(201, send(a, "POST", "/api/gateways", "{\"id\":\"" + aGateway + "\"}").statusCode());
        TestServer.bearer(server, "coachy");
        assertEquals(200, send(a, "PUT", "/api/grants/coachy", null).statusCode());
        fixtures.put("/api/devices/{id}", aDevice);
        fixtures.put("/ws/devices/{id}", aDevice);
        fixtures.put("/api/sessions/{id}", Long.toString(aSession));
        fixtures.put("/ws/sessions/{id}", Long.toString(aSession));
        fixtures.put("/api/guided-sessions/{id}", guided);
        fixtures.put("/api/programs/{id}", program);
        fixtures.put("/api/tokens/{id}", token);
        fixtures.put("/api/gateways/{id}", aGateway);
        fixtures.put("/api/accounts/{id}", TestServer.DEFAULT_USER);
        fixtures.put("{region}", "MID_THORACIC_LEFT");
        fixtures.put("{coach}", "coachy");
        fixtures.put("{selector}", "liveness");
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        if (db != null) {
            db.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    /** One route: method and URI template. */
    record Route(String method, String template, boolean socket) {
        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    @Test
    void everyRouteRefusesAnonymousAndOtherUsers() throws Exception {
        List<Route> routes = routes();
        assertTrue(routes.stream().anyMatch(r -> r.template().equals("/api/sessions/{id}")), "routes found: " + routes);
        assertTrue(routes.stream().anyMatch(Route::socket), "WebSocket routes found: " + routes);
        List<String> failures = new ArrayList<>();
        for (Route r : routes) {
            String path = concrete(r, failures);
            if (path == null) {
                continue;
            }
            String key = r.method() + " " + r.template();
            if (r.socket()) {
                checkSocket(r, path, failures);
                continue;
            }
            int anonymous = send(null, r.method(), path, body(r)).statusCode();
            if (!PUBLIC.contains(key) && anonymous != 401) {
                failures.add(key + ": anonymous got " + anonymous + ", expected 401");
            }
            HttpResponse<String> asB = send(b, r.method(), path + query(r), body(r));
            if (ADMIN_ONLY.stream().anyMatch(r.template()::startsWith)) {
                if (asB.statusCode() != 403) {
                    failures.add(key + ": user B (not an admin) got " + asB.statusCode() + ", expected 403");
                }
                continue;
            }
            boolean namesA = r.template().contains("{") && r.template().replaceAll("\\{[^}]*}", "")
                    .length() > 0 && CALLERS_OWN.stream().noneMatch(v -> r.template().contains("{" + v + "}"));
            if (namesA) {
                if (asB.statusCode() != 403 && asB.statusCode() != 404) {
                    failures.add(key + ": user B got " + asB.statusCode() + " for A's resource, expected 403/404: "
                            + asB.body());
                }
            } else if (asB.statusCode() / 100 == 2 && leaks(asB.body())) {
                failures.add(key + ": user B's answer holds A's data: " + asB.body());
            }
        }
        assertEquals(List.of(), failures, "isolation failures");
        // A's things survived everything B tried
        assertTrue(send(a, "GET", "/api/devices/" + aDevice, null).statusCode() == 200, "A still owns the device");
        assertEquals(200, send(a, "GET", "/api/sessions/" + aSession, null).statusCode(), "A's session is A's");
        assertTrue(send(a, "GET", "/api/grants", null).body().contains("coachy"), "A's grant stands");
        assertEquals(200, send(a, "GET", "/api/tokens", null).statusCode(), "A's token still works");
        assertTrue(send(a, "GET", "/api/programs/" + fixtures.get("/api/programs/{id}"), null).body()
                .contains("\"name\":\"A's\""), "A's program is still A's");
    }

    @Test
    void aCoachReadsWhatTheClientGrantedUntilItIsRevoked() throws Exception {
        String coach = TestServer.bearer(server, "coach2");
        String session = "/api/sessions/" + aSession;
        assertEquals(404, send(coach, "GET", session, null).statusCode(), "no grant yet");
        assertEquals(200, send(a, "PUT", "/api/grants/coach2", null).statusCode());
        assertEquals(200, send(coach, "GET", session, null).statusCode(), "granted: the coach reads it");
        assertEquals(200, send(coach, "GET", session + "/export?format=csv", null).statusCode());
        assertTrue(send(coach, "GET", "/api/sessions?client=" + TestServer.DEFAULT_USER, null).body()
                .contains("\"id\":" + aSession), "and the client's session list");
        assertEquals(404, send(coach, "POST", session + "/stop", "{}").statusCode(), "read only");
        assertEquals(404, send(b, "GET", "/api/sessions?client=" + TestServer.DEFAULT_USER, null).statusCode(),
                "nobody else");
        assertEquals(200, send(a, "DELETE", "/api/grants/coach2", null).statusCode());
        assertEquals(404, send(coach, "GET", session, null).statusCode(), "revoked");
    }

    private List<Route> routes() {
        Set<String> seen = new TreeSet<>();
        List<Route> out = new ArrayList<>();
        server.getApplicationContext().getBean(Router.class).uriRoutes().forEach(r -> {
            String t = r.getUriMatchTemplate().toPathString();
            if (seen.add(r.getHttpMethodName() + " " + t)) {
                out.add(new Route(r.getHttpMethodName(), t, false));
            }
        });
        BeanDefinitionRegistry ctx = server.getApplicationContext();
        for (BeanDefinition<?> d : ctx.getBeanDefinitions(Qualifiers.byStereotype(ServerWebSocket.class))) {
            String t = d.stringValue(ServerWebSocket.class).orElseThrow();
            out.removeIf(r -> r.template().equals(t)); // a socket's GET route is checked as a socket
            out.add(new Route("GET", t, true));
        }
        return out;
    }

    /** The route with A's ids in it, or null (and a failure) when a variable has no fixture. */
    private String concrete(Route r, List<String> failures) {
        String t = r.template();
        for (Map.Entry<String, String> f : fixtures.entrySet()) {
            if (f.getKey().startsWith("{")) {
                t = t.replace(f.getKey(), f.getValue());
            } else if (f.getKey().endsWith("{id}") && t.startsWith(f.getKey())) {
                t = f.getValue() == null ? t : t.replaceFirst("\\{id}", f.getValue());
            }
        }
        if (t.contains("{")) {
            failures.add(r + ": no fixture for its path variable; add one and make sure the route checks access");
            return null;
        }
        return t;
    }

    /** B also names A's device wherever a route takes one as a query parameter. */
    private String query(Route r) {
        return r.method().equals("GET") ? "?device=" + aDevice : "";
    }

    /** A body naming A's things, for routes that take one; harmless to routes that do not. */
    private String body(Route r) {
        if (r.method().equals("GET") || r.method().equals("DELETE")) {
            return null;
        }
        if (r.template().equals("/api/programs")) {
            // a valid program under A's program id: must not replace A's
            return "{\"id\":\"" + fixtures.get("/api/programs/{id}") + "\",\"name\":\"B's\",\"device\":\"BALL\","
                    + "\"steps\":[{\"id\":\"s\",\"title\":\"S\",\"kind\":\"mobilize\",\"repAxis\":\"roll\","
                    + "\"sets\":1,\"reps\":3}]}";
        }
        return "{\"device\":\"" + aDevice + "\",\"program\":\"" + fixtures.get("/api/programs/{id}")
                + "\",\"user\":\"mallory\",\"id\":\"iso-b-" + System.nanoTime() % 100000 + "\",\"name\":\"B\","
                + "\"region\":\"MID_THORACIC_LEFT\",\"tenderness\":3,\"reps\":1,\"low\":1,\"high\":2,"
                + "\"disabled\":true,\"password\":\"long-enough-password\"}";
    }

    private boolean leaks(String body) {
        return body.contains(aDevice) || body.contains("\"sessionId\":" + aSession)
                || body.contains(fixtures.get("/api/gateways/{id}")) || body.contains("A's script");
    }

    private void checkSocket(Route r, String path, List<String> failures) throws Exception {
        URI uri = URI.create("ws://localhost:" + server.getPort() + path);
        try {
            http.newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() { }).get(20, TimeUnit.SECONDS)
                    .abort();
            failures.add(r + ": anonymous WebSocket was accepted");
        } catch (java.util.concurrent.ExecutionException expected) {
            if (!(expected.getCause() instanceof java.net.http.WebSocketHandshakeException h)
                    || h.getResponse().statusCode() != 401) {
                failures.add(r + ": anonymous WebSocket refused, but not with 401: " + expected.getCause());
            }
        }
        if (!r.template().contains("{")) {
            checkCallersOwnSocket(r, uri, failures);
            return;
        }
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        http.newWebSocketBuilder().header("Authorization", b).buildAsync(uri, new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                closed.complete(-1); // any frame is a leak
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
                closed.complete(code);
                return null;
            }
        }).get(20, TimeUnit.SECONDS);
        int code = closed.get(30, TimeUnit.SECONDS);
        if (code != 4403 && code != 4404) {
            failures.add(r + ": user B's WebSocket on A's resource ended with " + code + ", expected 4403/4404");
        }
    }

    /**
     * A stream without path variables is the caller's own (e.g. their devices' changes): B's stays
     * open, and while A's stream tells of a change to A's device, B's carries none of A's data.
     */
    private void checkCallersOwnSocket(Route r, URI uri, List<String> failures) throws Exception {
        List<String> toB = new CopyOnWriteArrayList<>();
        List<String> toA = new CopyOnWriteArrayList<>();
        WebSocket asB = collect(uri, b, toB); // subscribed first, so it would hear of the change first
        WebSocket asA = collect(uri, a, toA);
        try (TestPublisher p = new TestPublisher(broker.url(), gateway)) {
            p.info(aInfo); // A's device announces itself again: a change on A's stream
        }
        Await.until("A's stream " + r + " tells of A's device", LIMIT, () -> toA.stream().anyMatch(f -> f.contains(aDevice)));
        Thread.sleep(1000); // room for a frame to B that should not be there
        if (toB.stream().anyMatch(this::leaks)) {
            failures.add(r + ": user B's stream carried A's data: " + toB);
        }
        asA.abort();
        asB.abort();
    }

    private WebSocket collect(URI uri, String authorization, List<String> frames) throws Exception {
        return http.newWebSocketBuilder().header("Authorization", authorization).buildAsync(uri, new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                frames.add(data.toString());
                ws.request(1);
                return null;
            }
        }).get(20, TimeUnit.SECONDS);
    }

    private HttpResponse<String> send(String authorization, String method, String path, String body)
            throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            r.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            r.header("Authorization", authorization);
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String field(HttpResponse<String> r, String name) {
        assertTrue(r.statusCode() / 100 == 2, r.statusCode() + " " + r.body());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + name + "\":\"?([^\",}]+)").matcher(r.body());
        if (!m.find()) {
            fail("no " + name + " in " + r.body());
        }
        return m.group(1);
    }
}
