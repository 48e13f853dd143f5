/*******************************************************************************
 * Copyright (c) 2016 IBM Corp. and SpineTrack contributors
 *
 * All rights reserved. This program and the accompanying materials
 * are made available under the terms of the Eclipse Public License v2.0
 * and Eclipse Distribution License v1.0 which accompany this distribution.
 *
 * The Eclipse Public License is available at
 *    https://www.eclipse.org/legal/epl-2.0
 * and the Eclipse Distribution License is available at
 *   https://www.eclipse.org/org/documents/edl-v10.php
 *
 * Contributors:
 *    Dave Locke   - Original MQTTv3 implementation
 *    James Sutton - Initial MQTTv5 implementation
 *    SpineTrack   - array reads passed on (read(byte[], int, int))
 */
package org.eclipse.paho.mqttv5.common.packet.util;

import java.io.IOException;
import java.io.InputStream;

/**
 * Paho 1.2.5's {@code CountingInputStream} with one change: array reads are passed on to the
 * wrapped stream instead of falling back to {@link InputStream}'s byte-at-a-time loop.
 *
 * <p>Paho decodes every received packet through this class twice
 * ({@code MqttWireMessage.createWireMessage(byte[])}, then {@code MqttPublish(byte, byte[])}),
 * each time over a {@link java.io.ByteArrayInputStream}, whose {@code read()} takes a lock:
 * Paho's original copies each payload byte with two locked calls, which was a third of the
 * server's CPU at large batches (docs/benchmarks.md, "Flood"). The counting, the only other
 * behaviour, is Paho's: every byte handed out is counted once.
 *
 * <p>{@code spinetrack-transport} carries Paho's whole {@code packet.util} package (the other two
 * classes unchanged), comes before Paho on every class path of this project, and the runnable jars
 * leave Paho's copies out; a package never mixes classes of two jars, which a JVM that honours
 * Paho's jar signature would refuse. {@code PatchedCountingStreamTest} checks that Paho decodes
 * packets through these classes and that its version is the one they are taken from.
 */
public class CountingInputStream extends InputStream {
    private final InputStream inputStream;
    private int counter;

    /**
     * Constructs a new <code>CountingInputStream</code> wrapping the supplied input stream.
     *
     * @param inputStream The inputStream to count and provide
     */
    public CountingInputStream(InputStream inputStream) {
        this.inputStream = inputStream;
        this.counter = 0;
    }

    @Override
    public int read() throws IOException {
        int i = inputStream.read();
        if (i != -1) {
            counter++;
        }
        return i;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = inputStream.read(b, off, len);
        if (n > 0) {
            counter += n;
        }
        return n;
    }

    /**
     * Returns the number of bytes read since last reset.
     *
     * @return the counter
     */
    public int getCounter() {
        return counter;
    }

    /** Resets the counter to zero. */
    public void resetCounter() {
        counter = 0;
    }
}
