package dev.spinetrack.gateway;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GatewayConfigTest {

    private static void rejects(String expected, Runnable build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build::run);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void withersKeepEverythingElse() {
        GatewayConfig c = GatewayConfig.defaults().withGatewayId("studio-1").withSimulation("massage", 3, 10, true, "")
                .withSimulationFleet(7).withBatch(100, Duration.ofMillis(5)).withRateHz(100);
        assertEquals("studio-1", c.gatewayId());
        assertEquals("massage", c.simulate());
        assertEquals(7, c.fleet());
        assertEquals(100, c.batchMaxSamples());
        assertEquals(Duration.ofMillis(5), c.batchMaxAge());
        assertEquals(100, c.rateHz());
        assertEquals(GatewayConfig.defaults().brokerUrl(), c.brokerUrl());
    }

    @Test
    void badValuesAreRefusedNamingTheSetting() {
        GatewayConfig d = GatewayConfig.defaults();
        rejects("gatewayId", () -> d.withGatewayId("has space"));
        rejects("gatewayId", () -> d.withGatewayId("status"));
        rejects("broker URL", () -> d.withBrokerUrl("127.0.0.1:1883"));
        rejects("batch size", () -> d.withBatch(0, Duration.ofMillis(20)));
        rejects("batch age", () -> d.withBatch(10, Duration.ZERO));
        rejects("queue bound", () -> d.withQueue(d.queueDir(), 10, d.fsync()));
        rejects("reconnect max", () -> d.withReconnect(Duration.ofSeconds(5), Duration.ofSeconds(1), 10));
        rejects("watchdog", () -> d.withReconnect(Duration.ofSeconds(1), Duration.ofSeconds(1), 1));
        rejects("rate", () -> d.withRateHz(0));
        rejects("speed", () -> d.withSimulation("massage", 1, 0, false, ""));
        rejects("fleet", () -> d.withSimulationFleet(70_000));
    }

    @Test
    void thePasswordStaysOutOfToString() {
        assertTrue(!GatewayConfig.defaults().withBroker("tcp://h:1883", "u", "hunter2").toString().contains("hunter2"));
    }
}
