package dev.spinetrack.demo;

import dev.spinetrack.server.Application;
import io.micronaut.runtime.Micronaut;

/**
 * Entry point of the demo jar: the app server with the {@code demo} environment, which turns on
 * {@link DemoGateway} (gateway, simulated devices and the stand-in user) next to the server and
 * its embedded broker. Every server setting still applies ({@code -Dmicronaut.server.port=...}).
 */
public final class DemoApplication {

    private DemoApplication() {
    }

    public static void main(String[] args) {
        Micronaut.build(args).mainClass(Application.class).banner(false).environments("demo").start();
    }
}
