package dev.spinetrack.server;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

import java.util.Arrays;

/**
 * Entry point. {@code --demo} adds the {@code demo} environment, which starts the gateway with
 * simulated devices on a looping scenario next to the server and its embedded broker.
 */
@OpenAPIDefinition(info = @Info(title = "SpineTrack", version = "0.1",
        description = "Devices, sessions and per-region dwell and pressure. The user is named by the "
                + "X-SpineTrack-User header (default: the configured default user)."))
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        boolean demo = Arrays.asList(args).contains("--demo");
        String[] rest = Arrays.stream(args).filter(a -> !a.equals("--demo")).toArray(String[]::new);
        Micronaut micronaut = Micronaut.build(rest).mainClass(Application.class).banner(false);
        if (demo) {
            micronaut.environments("demo");
        }
        micronaut.start();
    }
}
