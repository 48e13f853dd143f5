package dev.spinetrack.server.ingest;

import dev.spinetrack.transport.ReceiveBuffer;
import org.eclipse.paho.mqttv5.common.packet.MqttWireMessage;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The server's MQTT client decodes packets through spinetrack-transport's copy of Paho's
 * {@code packet.util} package (array reads passed on), not Paho's own: the class path keeps
 * spinetrack-transport before Paho.
 */
class PahoPackageTest {

    @Test
    void pahoDecodesThroughTheTransportModulesCopy() throws Exception {
        Class<?> counting = MqttWireMessage.class.getClassLoader()
                .loadClass("org.eclipse.paho.mqttv5.common.packet.util.CountingInputStream");
        assertEquals(ReceiveBuffer.class.getProtectionDomain().getCodeSource().getLocation(),
                counting.getProtectionDomain().getCodeSource().getLocation());
        assertEquals(counting, counting.getMethod("read", byte[].class, int.class, int.class).getDeclaringClass());
    }
}
