package dev.spinetrack.server.broker;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.async.Async;
import com.hivemq.extension.sdk.api.async.TimeoutFallback;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.auth.parameter.TopicPermission;
import com.hivemq.extension.sdk.api.packets.auth.DefaultAuthorizationBehaviour;
import com.hivemq.extension.sdk.api.packets.auth.ModifiableDefaultPermissions;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.packets.connect.ConnectPacket;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import com.hivemq.extension.sdk.api.services.builder.Builders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;

/**
 * The embedded broker's security, as a HiveMQ embedded extension: every CONNECT is checked by
 * an {@link MqttGuard} (off the broker's threads, it reads the database) and the client gets
 * exactly the topic permissions the guard grants, with DENY for everything else. A denied
 * PUBLISH is dropped (MQTT 5: a negative PUBACK) and a denied SUBSCRIBE gets a failure code.
 */
final class GuardExtension implements ExtensionMain {

    private static final Logger LOG = LoggerFactory.getLogger(GuardExtension.class);

    private final MqttGuard guard;

    private GuardExtension(MqttGuard guard) {
        this.guard = guard;
    }

    /** The extension, ready to pass to the embedded broker's builder. */
    static EmbeddedExtension of(MqttGuard guard) {
        return EmbeddedExtension.builder().withId("spinetrack-guard").withName("SpineTrack gateway guard")
                .withVersion("1").withAuthor("SpineTrack").withPriority(1000).withStartPriority(1000)
                .withExtensionMain(new GuardExtension(guard)).build();
    }

    @Override
    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
        SimpleAuthenticator authenticator = this::onConnect;
        Services.securityRegistry().setAuthenticatorProvider(i -> authenticator);
    }

    @Override
    public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
        // nothing held
    }

    private void onConnect(SimpleAuthInput input, SimpleAuthOutput output) {
        ConnectPacket connect = input.getConnectPacket();
        String clientId = connect.getClientId();
        String user = connect.getUserName().orElse(null);
        byte[] password = connect.getPassword().map(GuardExtension::bytes).orElse(null);
        Async<SimpleAuthOutput> async = output.async(Duration.ofSeconds(10), TimeoutFallback.FAILURE);
        Services.extensionExecutorService().submit(() -> {
            try {
                Optional<MqttRights> rights = guard.authenticate(clientId, user, password);
                if (rights.isEmpty()) {
                    LOG.info("MQTT connection refused: client {} user {}", clientId, user);
                    output.failAuthentication(ConnackReasonCode.NOT_AUTHORIZED, "not authorized");
                } else {
                    ModifiableDefaultPermissions p = output.getDefaultPermissions();
                    for (String f : rights.get().publish()) {
                        p.add(permission(f, TopicPermission.MqttActivity.PUBLISH));
                    }
                    for (String f : rights.get().subscribe()) {
                        p.add(permission(f, TopicPermission.MqttActivity.SUBSCRIBE));
                    }
                    p.setDefaultBehaviour(DefaultAuthorizationBehaviour.DENY);
                    output.authenticateSuccessfully();
                }
            } catch (RuntimeException e) {
                LOG.warn("MQTT authentication of {} failed: {}", clientId, e.toString());
                output.failAuthentication(ConnackReasonCode.SERVER_UNAVAILABLE, "authentication unavailable");
            } finally {
                async.resume();
            }
        });
    }

    private static TopicPermission permission(String filter, TopicPermission.MqttActivity activity) {
        return Builders.topicPermission().topicFilter(filter).activity(activity)
                .type(TopicPermission.PermissionType.ALLOW)
                .sharedSubscription(TopicPermission.SharedSubscription.ALL).build();
    }

    private static byte[] bytes(ByteBuffer b) {
        ByteBuffer d = b.duplicate();
        byte[] out = new byte[d.remaining()];
        d.get(out);
        return out;
    }
}
