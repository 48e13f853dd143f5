package dev.spinetrack.server.http;

import dev.spinetrack.server.security.Accounts;
import dev.spinetrack.server.security.LoginThrottle;
import dev.spinetrack.server.security.Role;
import dev.spinetrack.server.testing.TestDatabase;
import dev.spinetrack.server.testing.TestServer;
import dev.spinetrack.testing.TestBroker;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Password guessing over the real HTTP endpoint: after five wrong passwords the user id is
 * locked (429, Retry-After), even the right password is refused until the lock ends, and other
 * users log in as before.
 */
class LoginThrottleIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void repeatedWrongPasswordsLockTheUserIdNotOthers() throws Exception {
        String gateway = "it-throttle-" + UUID.randomUUID().toString().substring(0, 8);
        try (TestBroker broker = TestBroker.shared(); TestDatabase db = TestDatabase.create();
             EmbeddedServer server = TestServer.start(TestServer.properties(broker.url(), db, gateway,
                     gateway + "-server"))) {
            Accounts accounts = server.getApplicationContext().getBean(Accounts.class);
            accounts.save("victim", "right-password-1", Role.USER);
            accounts.save("bystander", "right-password-2", Role.USER);
            String base = "http://localhost:" + server.getPort();
            for (int i = 1; i <= LoginThrottle.FREE_FAILURES; i++) {
                assertEquals(401, login(base, "victim", "guess-" + i).statusCode(), "wrong password " + i);
            }
            HttpResponse<String> locked = login(base, "victim", "right-password-1");
            assertEquals(429, locked.statusCode(), "the right password too, while locked: " + locked.body());
            long retry = Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(retry > 0 && retry <= LoginThrottle.FIRST_LOCK.toSeconds(), "Retry-After " + retry);
            assertTrue(locked.body().contains("too many failed logins"), locked.body());
            assertEquals(200, login(base, "bystander", "right-password-2").statusCode(), "others log in");
        }
    }

    private HttpResponse<String> login(String base, String user, String password) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"password\":\"" + password
                        + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
    }
}
