package dev.spinetrack.server.security;

import dev.spinetrack.server.broker.EmbeddedBroker;
import dev.spinetrack.testing.Await;
import dev.spinetrack.server.testing.TestDatabase;
import dev.spinetrack.server.testing.TestServer;
import io.micronaut.runtime.server.EmbeddedServer;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The gateway security contract against Mosquitto configured exactly as docs/security.md says:
 * {@code docs/mosquitto/spinetrack.conf} (paths and port swapped for a temp dir and a free
 * port) with the documented ACL file, and a password file made with {@code mosquitto_passwd}.
 * A private Mosquitto process of its own: the machine's broker is never touched. Skipped when
 * no {@code mosquitto} is installed, unless {@code -Dspinetrack.it.mosquitto-secure=required}
 * or {@code SPINETRACK_IT_MOSQUITTO_SECURE=required} (CI), which makes a missing one a failure.
 */
class MosquittoSecurityIT extends GatewaySecurityContract {

    private static final Path DOCS = locateDocs();

    @Override
    Stack start(Path dir) throws Exception {
        boolean required = "required".equals(System.getProperty("spinetrack.it.mosquitto-secure",
                System.getenv("SPINETRACK_IT_MOSQUITTO_SECURE")));
        String mosquitto = which("mosquitto", "/usr/sbin/mosquitto");
        String passwdTool = which("mosquitto_passwd", "/usr/bin/mosquitto_passwd");
        if (!required) {
            assumeTrue(mosquitto != null && passwdTool != null, "no mosquitto installed");
        } else if (mosquitto == null || passwdTool == null) {
            throw new IllegalStateException("mosquitto and mosquitto_passwd are required");
        }
        int port = EmbeddedBroker.freePort();
        Path conf = dir.resolve("spinetrack.conf");
        Path passwd = dir.resolve("passwd");
        Path acl = dir.resolve("acl");
        Files.copy(DOCS.resolve("acl"), acl);
        String documented = Files.readString(DOCS.resolve("spinetrack.conf"), StandardCharsets.UTF_8);
        // the documented file, with the test's paths and port; and when the test runs as root, Mosquitto
        // must not drop to its system user (which could not read the temp dir)
        Files.writeString(conf, documented.replace("/etc/mosquitto/spinetrack/", dir.toString() + "/")
                .replace("listener 1883", "listener " + port + " 127.0.0.1")
                + "\nuser " + System.getProperty("user.name") + "\n", StandardCharsets.UTF_8);
        String serverPassword = "server-" + System.nanoTime();
        run(passwdTool, "-c", "-b", passwd.toString(), "spinetrack-server", serverPassword);
        Process broker = new ProcessBuilder(mosquitto, "-c", conf.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
        Await.until("mosquitto listens on " + port, LIMIT, () -> listening(port));
        Path serverPasswordFile = dir.resolve("server-mqtt-password");
        Files.writeString(serverPasswordFile, serverPassword + "\n");
        TestDatabase db = TestDatabase.create();
        String url = "tcp://127.0.0.1:" + port;
        Map<String, Object> p = new HashMap<>(TestServer.properties(url, db, "+", "sec-mq-server"));
        p.put("spinetrack.mqtt.username", "spinetrack-server");
        p.put("spinetrack.mqtt.password-file", serverPasswordFile.toString());
        EmbeddedServer server;
        try {
            server = TestServer.start(p);
        } catch (RuntimeException e) {
            broker.destroy();
            db.close();
            throw e;
        }
        return new Stack() {
            @Override
            public EmbeddedServer server() {
                return server;
            }

            @Override
            public String brokerUrl() {
                return url;
            }

            @Override
            public String register(String user, String gateway) throws Exception {
                String secret = TestServer.registerGateway(server, user, gateway);
                // as the operator does: add the gateway to the password file, have Mosquitto reload
                run(passwdTool, "-b", passwd.toString(), gateway, secret);
                run("kill", "-HUP", Long.toString(broker.pid()));
                Await.until("mosquitto accepts " + gateway, LIMIT, () -> canConnect(url, gateway, secret));
                return secret;
            }

            @Override
            public void close() {
                try {
                    server.close();
                } finally {
                    broker.destroy();
                    db.close();
                }
            }
        };
    }

    private static boolean canConnect(String url, String user, String password) {
        try {
            MqttClient c = new MqttClient(url, "sec-probe-" + System.nanoTime(), new MemoryPersistence());
            MqttConnectionOptions o = new MqttConnectionOptions();
            o.setUserName(user);
            o.setPassword(password.getBytes(StandardCharsets.UTF_8));
            o.setConnectionTimeout(5);
            c.connect(o);
            c.disconnect();
            c.close();
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(command[0] + " failed: " + out);
        }
    }

    private static String which(String name, String usual) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return Path.of(dir, name).toString();
            }
        }
        return Files.isExecutable(Path.of(usual)) ? usual : null;
    }

    private static Path locateDocs() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("docs/mosquitto"))) {
                return p.resolve("docs/mosquitto");
            }
        }
        throw new IllegalStateException("docs/mosquitto not found above " + here);
    }
}
