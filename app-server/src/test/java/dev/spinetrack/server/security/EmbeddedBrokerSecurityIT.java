package dev.spinetrack.server.security;

import dev.spinetrack.server.broker.BrokerConnection;
import dev.spinetrack.server.testing.TestDatabase;
import dev.spinetrack.server.testing.TestServer;
import io.micronaut.runtime.server.EmbeddedServer;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The gateway security contract against the server's own embedded HiveMQ and its extension. */
class EmbeddedBrokerSecurityIT extends GatewaySecurityContract {

    @Override
    Stack start(Path dir) {
        TestDatabase db = TestDatabase.create();
        Map<String, Object> p = new HashMap<>(TestServer.properties("tcp://127.0.0.1:1", db, "+", "sec-it-server"));
        p.put("spinetrack.mqtt.url", ""); // the embedded broker, as a default install runs
        p.put("spinetrack.mqtt.embedded-port", 0);
        p.put("spinetrack.data-dir", dir.toString());
        EmbeddedServer server = TestServer.start(p);
        String url = server.getApplicationContext().getBean(BrokerConnection.class).address().url();
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
            public String register(String user, String gateway) {
                return TestServer.registerGateway(server, user, gateway);
            }

            @Override
            public void close() {
                try {
                    server.close();
                } finally {
                    db.close();
                }
            }
        };
    }
}
