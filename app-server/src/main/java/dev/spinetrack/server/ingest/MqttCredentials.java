package dev.spinetrack.server.ingest;

import dev.spinetrack.server.broker.MqttSettings;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

/** User name, password and TLS trust of the server's MQTT connections, as the gateway has them. */
final class MqttCredentials {

    private MqttCredentials() {
    }

    /** Sets what the settings name on the options. */
    static void apply(MqttSettings s, MqttConnectionOptions o) {
        if (!s.username().isBlank()) {
            o.setUserName(s.username());
        }
        if (!s.password().isEmpty()) {
            o.setPassword(s.password().getBytes(StandardCharsets.UTF_8));
        }
        if (!s.trustStore().isBlank()) {
            Path store = Path.of(s.trustStore());
            char[] pw = s.trustStorePassword().isEmpty() ? null : s.trustStorePassword().toCharArray();
            try (InputStream in = Files.newInputStream(store)) {
                KeyStore ks = KeyStore.getInstance(store.toString().endsWith(".jks") ? "JKS" : "PKCS12");
                ks.load(in, pw);
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(ks);
                SSLContext ctx = SSLContext.getInstance("TLS");
                ctx.init(null, tmf.getTrustManagers(), null);
                o.setSocketFactory(ctx.getSocketFactory());
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalArgumentException("spinetrack.mqtt.trust-store " + store + " cannot be used: "
                        + e.getMessage(), e);
            }
        }
    }
}
