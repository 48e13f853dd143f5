package dev.spinetrack.server;

import dev.spinetrack.server.security.AccountCli;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

import java.util.Arrays;

/**
 * Entry point. {@code --demo} adds the {@code demo} environment, which starts the gateway with
 * simulated devices on a looping scenario next to the server and its embedded broker.
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
        boolean demo = Arrays.asList(args).contains("--demo");
        String[] rest = Arrays.stream(args).filter(a -> !a.equals("--demo")).toArray(String[]::new);
        Micronaut micronaut = Micronaut.build(rest).mainClass(Application.class).banner(false);
        if (demo) {
            micronaut.environments("demo");
        }
        micronaut.start();
    }
}
