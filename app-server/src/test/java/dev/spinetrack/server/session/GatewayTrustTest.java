package dev.spinetrack.server.session;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class GatewayTrustTest {

    @Test
    void aGatewaySpeaksOnlyForItsOwnersDevices() {
        assertNull(GatewayTrust.refusal(Optional.of("alice"), null), "a new device becomes alice's");
        assertNull(GatewayTrust.refusal(Optional.of("alice"), "alice"));
        assertEquals("foreign-device", GatewayTrust.refusal(Optional.of("bob"), "alice"));
        assertEquals("unregistered-gateway", GatewayTrust.refusal(Optional.empty(), null));
        assertEquals("unregistered-gateway", GatewayTrust.refusal(Optional.empty(), "alice"));
    }
}
