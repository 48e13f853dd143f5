package dev.spinetrack.server.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** The gateway's stdout, copied to gateway.log, with its latest STATS line and watchdog count. */
final class GatewayOutput {
    final AtomicInteger watchdogs = new AtomicInteger();
    private final AtomicReference<String> stats = new AtomicReference<>("");
    private final AtomicReference<String> clock = new AtomicReference<>();

    void copy(Process p, Path log) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter w = new PrintWriter(Files.newBufferedWriter(log), true)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("STATS ")) {
                    stats.set(line.substring(6));
                } else if (line.startsWith("CLOCK ")) {
                    clock.set(line);
                } else if (line.contains("watchdog limit")) {
                    watchdogs.incrementAndGet();
                }
                w.println(line);
            }
        } catch (IOException e) {
            // the gateway ended; its log is complete
        }
    }

    Map<String, String> stats() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String kv : stats.get().split(" ")) {
            int eq = kv.indexOf('=');
            if (eq > 0) {
                m.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
        }
        return m;
    }

    /**
     * Waits until the gateway publishes as fast as its devices send: at most two batches per device
     * (40 ms of data at the default batch age; every timer tick seals a batch of each device at
     * once) waiting to be published, queue minus unconfirmed, in {@code quietS} STATS lines in a
     * row, at most {@code maxS} seconds. A backlog built while four JVMs compile on two cores is
     * delivered in order, so every sample recorded behind it would carry its age, which is the
     * start-up's figure, not the steady state's.
     *
     * @return seconds waited, or -1 when still behind after {@code maxS}
     */
    long awaitCaughtUp(int devices, int quietS, long maxS) throws InterruptedException {
        long start = System.nanoTime();
        int quiet = 0;
        long nextReport = 30;
        while (true) {
            long waited = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            Map<String, String> m = stats();
            long backlog = m.containsKey("queue") && m.containsKey("unconfirmed")
                    ? Long.parseLong(m.get("queue")) - Long.parseLong(m.get("unconfirmed")) : Long.MAX_VALUE;
            quiet = backlog <= 2L * devices ? quiet + 1 : 0;
            if (quiet >= quietS) {
                return waited;
            }
            if (waited >= maxS) {
                return -1;
            }
            if (waited >= nextReport) {
                System.out.printf("  %d s: gateway backlog %d batches waiting to be published (queue %s, unconfirmed %s)%n",
                        waited, backlog, m.get("queue"), m.get("unconfirmed"));
                nextReport += 30;
            }
            Thread.sleep(1000);
        }
    }

    String awaitClock() throws InterruptedException {
        for (int i = 0; i < 600 && clock.get() == null; i++) {
            Thread.sleep(100);
        }
        return clock.get();
    }
}
