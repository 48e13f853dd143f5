package dev.spinetrack.server.session;

import dev.spinetrack.server.security.Gateways;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Which gateway may speak for which device: a device belongs to the owner of the gateway that
 * first brought it, and data for it from a gateway of another owner is refused (and counted)
 * until its owner moves the device. Gateways nobody registered are refused unless
 * {@code spinetrack.security.unregistered-gateways} is {@code accept} (then their devices go
 * to {@code spinetrack.users.default-user}, the behaviour before accounts existed).
 */
@Singleton
public class GatewayTrust {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayTrust.class);

    private final Gateways gateways;
    private final MeterRegistry registry;
    private final boolean acceptUnregistered;
    private final String defaultUser;

    public GatewayTrust(Gateways gateways, MeterRegistry registry,
                        @Value("${spinetrack.security.unregistered-gateways:refuse}") String unregistered,
                        @Value("${spinetrack.users.default-user:demo}") String defaultUser) {
        this.gateways = gateways;
        this.registry = registry;
        this.acceptUnregistered = "accept".equals(unregistered);
        this.defaultUser = defaultUser;
    }

    /** Who a gateway's devices belong to; empty when its data is refused. */
    public Optional<String> ownerOf(String gateway) {
        Optional<String> o = gateways.owner(gateway);
        return o.isPresent() || !acceptUnregistered ? o : Optional.of(defaultUser);
    }

    /**
     * Why a gateway may not speak for a device, or null when it may.
     *
     * @param gatewayOwner owner of the gateway, empty when unregistered (and refused)
     * @param deviceOwner  owner of the device, null when the device is new
     */
    public static String refusal(Optional<String> gatewayOwner, @Nullable String deviceOwner) {
        if (gatewayOwner.isEmpty()) {
            return "unregistered-gateway";
        }
        if (deviceOwner != null && !deviceOwner.equals(gatewayOwner.get())) {
            return "foreign-device";
        }
        return null;
    }

    /** Logs and counts a refused message ({@code spinetrack.ingest.refused{reason}}). */
    void refused(String reason, String what, String device, String gateway, int samples) {
        registry.counter("spinetrack.ingest.refused", "reason", reason).increment();
        LOG.warn("Refused {} of device {} from gateway {} ({} samples): {}", what, device, gateway, samples, reason);
    }

    /** Messages refused for a reason since start. */
    public double refusedCount(String reason) {
        return registry.counter("spinetrack.ingest.refused", "reason", reason).count();
    }
}
