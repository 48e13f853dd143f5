package dev.spinetrack.server;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

import java.util.Arrays;

/**
 * Entry point of the server. The demo (gateway and simulated devices in the same process) is a
 * separate jar, {@code app-server/demo}, so this one carries neither gateway nor simulator.
 */
@OpenAPIDefinition(info = @Info(title = "SpineTrack", version = "0.1",
        description = "Devices, sessions and per-region dwell and pressure. The user is named by the "
                + "X-SpineTrack-User header (default: the configured default user)."))
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        if (Arrays.asList(args).contains("--demo")) {
            System.err.println("The demo moved to its own jar: java -jar app-server/demo/target/spinetrack-demo.jar");
            System.exit(2);
        }
        Micronaut.build(args).mainClass(Application.class).banner(false).start();
    }
}
