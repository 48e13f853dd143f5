package dev.spinetrack.server;

import dev.spinetrack.server.security.AccountCli;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

import java.util.Arrays;

/**
 * Entry point of the server. The demo (gateway and simulated devices in the same process) is a
 * separate jar, {@code app-server/demo}, so this one carries neither gateway nor simulator.
 * {@code account create <user> [--admin]} creates an account instead ({@link AccountCli}).
 */
@OpenAPIDefinition(info = @Info(title = "SpineTrack", version = "0.1",
        description = "Devices, sessions and per-region dwell and pressure. Requests carry a login session "
                + "cookie (dashboard; state-changing requests echo X-CSRF-Token) or a personal API token "
                + "(Authorization: Bearer, from /api/tokens)."))
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        if (AccountCli.wants(args)) {
            System.exit(AccountCli.run(args));
        }
        if (Arrays.asList(args).contains("--demo")) {
            System.err.println("The demo moved to its own jar: java -jar app-server/demo/target/spinetrack-demo.jar");
            System.exit(2);
        }
        Micronaut.build(args).mainClass(Application.class).banner(false).start();
    }
}
