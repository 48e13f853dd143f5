package dev.spinetrack.server.broker;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * {@code spinetrack.mqtt.*}: where the broker is and how to subscribe.
 */
@ConfigurationProperties("spinetrack.mqtt")
public class MqttSettings {

    private String url = "";
    private int embeddedPort = 1883;
    private String sharedGroup = "";
    private String clientId = "";
    private boolean enabled = true;
    private String gateway = "+";
    private String username = "";
    private String password = "";
    private String passwordFile = "";

    /** Broker URL such as {@code tcp://127.0.0.1:1883}; empty starts an embedded broker. */
    public String url() {
        return url == null ? "" : url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    /** Port the embedded broker tries first (a free one when taken). */
    public int embeddedPort() {
        return embeddedPort;
    }

    public void setEmbeddedPort(int embeddedPort) {
        this.embeddedPort = embeddedPort;
    }

    /**
     * MQTT 5 shared-subscription group: non-empty subscribes to {@code $share/<group>/...} so
     * several server instances split the sample stream; empty subscribes plainly.
     */
    public String sharedGroup() {
        return sharedGroup == null ? "" : sharedGroup;
    }

    public void setSharedGroup(String sharedGroup) {
        this.sharedGroup = sharedGroup;
    }

    /** MQTT client id; empty picks {@code spinetrack-server-<random>}. */
    public String clientId() {
        return clientId == null ? "" : clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    /** Gateway id whose topics to consume; {@code +} (default) consumes every gateway's. */
    public String gateway() {
        return gateway == null || gateway.isBlank() ? "+" : gateway;
    }

    public void setGateway(String gateway) {
        this.gateway = gateway;
    }

    /** Whether to consume at all (off for API-only instances and some tests). */
    public boolean enabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    private String trustStore = "";
    private String trustStorePassword = "";

    /** MQTT user name; empty connects anonymously. */
    public String username() {
        return username == null ? "" : username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    /** MQTT password (prefer the environment, {@code SPINETRACK_MQTT_PASSWORD}). */
    public String password() {
        return password == null ? "" : password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    /** A file whose first line is the password (wins over {@code password}). */
    public void setPasswordFile(String passwordFile) {
        this.passwordFile = passwordFile;
    }

    /** The password from the file, else the property, else null. */
    public String resolvedPassword() {
        if (passwordFile != null && !passwordFile.isBlank()) {
            try {
                String text = java.nio.file.Files.readString(java.nio.file.Path.of(passwordFile));
                int nl = text.indexOf('\n');
                return (nl < 0 ? text : text.substring(0, nl)).strip();
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot read spinetrack.mqtt.password-file " + passwordFile + ": "
                        + e.getMessage(), e);
            }
        }
        return password == null || password.isEmpty() ? null : password;
    }

    /** PKCS12/JKS trust store for an {@code ssl://} broker; empty uses the JVM's default trust. */
    public String trustStore() {
        return trustStore == null ? "" : trustStore;
    }

    public void setTrustStore(String trustStore) {
        this.trustStore = trustStore;
    }

    public String trustStorePassword() {
        return trustStorePassword == null ? "" : trustStorePassword;
    }

    public void setTrustStorePassword(String trustStorePassword) {
        this.trustStorePassword = trustStorePassword;
    }
}
