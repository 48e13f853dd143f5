package dev.spinetrack.server.bench;

import dev.spinetrack.server.testing.TestDatabase;
import dev.spinetrack.server.testing.TestServer;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The server of {@link ProcessLatencyBenchmark}, as a process of its own: the application on
 * the test configuration with an embedded H2 (PostgreSQL with {@code -Dspinetrack.it.jdbc}),
 * consuming one gateway's topics. Writes {@code port=...} and {@code authorization=...} (a
 * bearer token of the user owning the gateway's devices) to {@code infoFile}, then serves until
 * {@code stop} or the end of stdin.
 * <pre>
 * BenchServerProcess broker gatewayId infoFile
 * </pre>
 */
public final class BenchServerProcess {

    private BenchServerProcess() {
    }

    public static void main(String[] args) throws Exception {
        String broker = args[0];
        String gateway = args[1];
        Path info = Path.of(args[2]);
        TestDatabase db = TestDatabase.create();
        Map<String, Object> props = new HashMap<>(TestServer.properties(broker, db, gateway, gateway + "-server"));
        props.put("spinetrack.security.max-sockets-per-user", 10_000); // one socket per device, one user
        EmbeddedServer server = TestServer.start(props);
        String authorization = TestServer.bearer(server, TestServer.DEFAULT_USER);
        Path partial = info.resolveSibling(info.getFileName() + ".tmp");
        Files.writeString(partial, "port=" + server.getPort() + "\nauthorization=" + authorization + "\ndatabase="
                + (db.postgres() ? "PostgreSQL" : "H2") + "\n");
        Files.move(partial, info); // the harness sees the file whole or not at all
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null && !line.equals("stop"); line = in.readLine()) {
            // only "stop" (or the end of stdin) means anything
        }
        server.close();
        db.close();
        System.exit(0);
    }
}
