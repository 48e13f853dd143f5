package org.eclipse.paho.mqttv5.common.packet.util;

import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.MqttPublish;
import org.eclipse.paho.mqttv5.common.packet.MqttWireMessage;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * This project's {@link CountingInputStream} in place of Paho's: Paho decodes real packets through
 * it, the counts are Paho's, array reads reach the wrapped stream whole, and the Paho on the class
 * path is the version whose class it replaces.
 */
class PatchedCountingStreamTest {

    @Test
    void pahoOnTheClassPathIsTheVersionThisClassReplaces() throws IOException {
        Properties pom = new Properties();
        try (InputStream in = MqttWireMessage.class.getResourceAsStream(
                "/META-INF/maven/org.eclipse.paho/org.eclipse.paho.mqttv5.client/pom.properties")) {
            assertNotNull(in, "Paho's pom.properties");
            pom.load(in);
        }
        assertEquals("1.2.5", pom.getProperty("version"),
                "Paho changed: compare its CountingInputStream with this project's copy, then update this version");
    }

    @Test
    void pahoLoadsThisPackageNotItsOwn() throws Exception {
        ClassLoader paho = MqttWireMessage.class.getClassLoader();
        Class<?> counting = paho.loadClass(CountingInputStream.class.getName());
        assertEquals(CountingInputStream.class.getMethod("read", byte[].class, int.class, int.class),
                counting.getMethod("read", byte[].class, int.class, int.class),
                "array reads are passed on, not InputStream's byte-at-a-time loop");
        assertNotEquals(MqttWireMessage.class.getProtectionDomain().getCodeSource().getLocation(),
                counting.getProtectionDomain().getCodeSource().getLocation(), "not Paho's jar");
        for (Class<?> c : new Class<?>[] {VariableByteInteger.class, MultiByteArrayInputStream.class}) {
            assertEquals(counting.getProtectionDomain().getCodeSource().getLocation(),
                    paho.loadClass(c.getName()).getProtectionDomain().getCodeSource().getLocation(),
                    c.getSimpleName() + " from the same place: a package never mixes two jars");
        }
    }

    @Test
    void pahoDecodesAPublishThroughIt() throws Exception {
        byte[] payload = new byte[100_000];
        new Random(7).nextBytes(payload);
        MqttProperties props = new MqttProperties();
        props.setContentType("application/x-spinetrack");
        MqttMessage message = new MqttMessage(payload, 1, false, props);
        MqttPublish sent = new MqttPublish("spinetrack/g1/dev-7/samples", message, props);
        sent.setMessageId(4242);
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        packet.write(sent.getHeader());
        packet.write(sent.getPayload());

        MqttPublish got = (MqttPublish) MqttWireMessage.createWireMessage(packet.toByteArray());

        assertEquals("spinetrack/g1/dev-7/samples", got.getTopicName());
        assertEquals(4242, got.getMessageId());
        assertEquals(1, got.getMessage().getQos());
        assertEquals("application/x-spinetrack", got.getProperties().getContentType());
        assertArrayEquals(payload, got.getMessage().getPayload());
    }

    @Test
    void countsEveryByteOnceWhetherReadSinglyOrInArrays() throws IOException {
        byte[] data = new byte[1000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        CountingInputStream counting = new CountingInputStream(new ByteArrayInputStream(data));
        DataInputStream in = new DataInputStream(counting);
        assertEquals(0, in.readUnsignedByte());
        byte[] part = new byte[600];
        in.readFully(part);
        assertEquals(601, counting.getCounter());
        assertEquals((byte) 1, part[0]);
        assertEquals((byte) 600, part[599]);
        counting.resetCounter();
        byte[] rest = new byte[500];
        assertEquals(399, counting.read(rest, 0, 500));
        assertEquals(-1, counting.read(rest, 0, 500));
        assertEquals(-1, counting.read());
        assertEquals(399, counting.getCounter());
    }

    @Test
    void arrayReadsReachTheWrappedStreamWhole() throws IOException {
        int[] singleReads = {0};
        int[] arrayReads = {0};
        InputStream wrapped = new ByteArrayInputStream(new byte[100_000]) {
            @Override
            public synchronized int read() {
                singleReads[0]++;
                return super.read();
            }

            @Override
            public synchronized int read(byte[] b, int off, int len) {
                arrayReads[0]++;
                return super.read(b, off, len);
            }
        };
        CountingInputStream counting = new CountingInputStream(wrapped);
        new DataInputStream(counting).readFully(new byte[100_000]);
        assertEquals(0, singleReads[0], "Paho's original made 100,000 single-byte calls here");
        assertTrue(arrayReads[0] >= 1);
        assertEquals(100_000, counting.getCounter());
    }
}
