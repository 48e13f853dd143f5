package dev.spinetrack.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * End-to-end latency with every part in an OS process of its own, by hand (not a test): a private
 * Mosquitto (own config on a free port, no queue limits), the server ({@link BenchServerProcess},
 * H2 or {@code -Dspinetrack.it.jdbc}), the gateway ({@link BenchGatewayProcess}), and the devices:
 * with {@code bluez} the simulator serves them as BlueZ on a private D-Bus in a process of its
 * own and the gateway reaches them through TinyB's natives (docs/bluez.md); with {@code sim} the
 * simulator runs inside the gateway's JVM. This process opens one {@code /ws/devices/{id}} socket
 * per device and, once every device streams and a warm-up passed, records frames for
 * {@code seconds}.
 * <pre>
 * ProcessLatencyBenchmark devices hz seconds [bluez|sim] [batchAgeMs] [connectTimeoutS]
 * </pre>
 * One clock: {@link System#nanoTime()} in the gateway at the notification and here at the frame;
 * HotSpot on Linux reads it from {@code CLOCK_MONOTONIC}, which every process on the machine
 * shares (checked at start: both processes' wall minus monotonic offsets are printed). Extra JVM
 * options for the children: {@code -Dbench.server.jvm="..."}, {@code -Dbench.gateway.jvm="..."},
 * {@code -Dbench.simulator.jvm="..."}; {@code -Dbench.warmup-s} (default 30) before recording;
 * gateway settings beyond the defaults: {@code -Dbench.gateway.settings="watchdog-periods=50 ..."}.
 */
public final class ProcessLatencyBenchmark {

    /** Server and gateway JIT-compile their hot paths in the first tens of seconds. */
    private static final long WARM_UP_SECONDS = Long.getLong("bench.warmup-s", 30);
    /** After the warm-up, how long to wait at most for the gateway to have no backlog (0: do not wait). */
    private static final long SETTLE_MAX_SECONDS = Long.getLong("bench.settle-max-s", 600);

    private ProcessLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int devices = Integer.parseInt(args[0]);
        int hz = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        boolean bluez = !(args.length > 3 && args[3].equals("sim"));
        int batchAgeMs = args.length > 4 ? Integer.parseInt(args[4]) : 20;
        int connectTimeoutS = args.length > 5 ? Integer.parseInt(args[5]) : 600;
        Path dir = Files.createTempDirectory("st-latency");
        String scenario = "load:" + devices + "x" + hz + "x" + (connectTimeoutS + WARM_UP_SECONDS + SETTLE_MAX_SECONDS + seconds + 120) + "s";
        String gatewayId = "lat-" + Long.toHexString(System.nanoTime() & 0xffffff);
        System.out.printf("%s; %d devices x %d Hz, %d s recorded, devices %s, batch age %d ms, files in %s%n",
                load(), devices, hz, seconds, bluez ? "from simulated BlueZ in their own process (TinyB)"
                        : "simulated in the gateway's JVM", batchAgeMs, dir);
        BenchProcesses children = new BenchProcesses();
        Thread cleanup = new Thread(children::closeQuietly, "bench-cleanup"); // Ctrl-C, timeout(1)
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            int port = freePort();
            Path conf = dir.resolve("mosquitto.conf");
            Files.writeString(conf, "listener " + port + " 127.0.0.1\nallow_anonymous true\nmax_queued_messages 0\n"
                    + "max_inflight_messages 0\npersistence false\n"
                    // Mosquitto's default (Nagle on): set_tcp_nodelay cost the server 70 % more CPU here
                    + "set_tcp_nodelay " + Boolean.getBoolean("bench.mosquitto.nodelay") + "\n");
            List<String> brokerCommand = new ArrayList<>(List.of("mosquitto", "-c", conf.toString()));
            // -Dbench.mosquitto.nice=-10 (root): Mosquitto's one thread otherwise gets one thread's share of
            // the box among the JVMs' dozens, and leaves the gateway's in-flight window unread
            String nice = System.getProperty("bench.mosquitto.nice", "").trim();
            if (!nice.isEmpty()) {
                brokerCommand.addAll(0, List.of("nice", "-n", String.valueOf(Integer.parseInt(nice))));
                System.out.println("mosquitto at nice " + nice);
            }
            children.start("mosquitto", new ProcessBuilder(brokerCommand), dir);
            String broker = "tcp://127.0.0.1:" + port;
            awaitPort(port);
            Path info = dir.resolve("server.info");
            children.start("server", java("bench.server.jvm", "-Xmx1g", BenchServerProcess.class.getName(), broker,
                    gatewayId, info.toString()), dir);
            List<String> gw = new ArrayList<>(List.of("broker=" + broker, "gateway-id=" + gatewayId,
                    "queue-dir=" + dir.resolve("queue"), "batch-age-ms=" + batchAgeMs, "rate=" + hz));
            String settings = System.getProperty("bench.gateway.settings", "").trim();
            if (!settings.isEmpty()) {
                gw.addAll(List.of(settings.split("\\s+")));
                System.out.println("gateway settings: " + settings);
            }
            ProcessBuilder gateway = java("bench.gateway.jvm", "-Xmx512m", BenchGatewayProcess.class.getName(),
                    dir.resolve("stamps.bin").toString());
            if (bluez) {
                children.start("simulator", java("bench.simulator.jvm", "-Xmx512m",
                        "dev.spinetrack.simulator.cli.SimulatorCommand", "bluez", scenario, "--dir",
                        dir.resolve("bus").toString()), dir);
                String bus = children.awaitLine("simulator", "DBUS_SYSTEM_BUS_ADDRESS=", 120);
                gateway.environment().put("DBUS_SYSTEM_BUS_ADDRESS", bus.substring(bus.indexOf('=') + 1).trim());
            } else {
                gw.add("simulate=" + scenario);
            }
            gateway.command().addAll(gw);
            Properties server = awaitServer(info);
            GatewayOutput out = children.startGateway(gateway, dir);
            System.out.println("clock check: wall - monotonic differs between gateway and harness by "
                    + clockSkewMicros(out) + " us (0 within a read's time = one monotonic clock)");
            List<String> ids = awaitDevices(server, devices, connectTimeoutS, out);
            LiveFrameLog frames = new LiveFrameLog();
            List<WebSocket> sockets = open(server, ids, frames);
            // -Dbench.tap=false: no second subscriber (its copy of every batch costs Mosquitto and this process)
            BrokerTap tap = Boolean.parseBoolean(System.getProperty("bench.tap", "true")) ? new BrokerTap(broker) : null;
            Thread.sleep(TimeUnit.SECONDS.toMillis(WARM_UP_SECONDS));
            if (SETTLE_MAX_SECONDS > 0) {
                long settled = out.awaitCaughtUp(devices, 5, SETTLE_MAX_SECONDS);
                System.out.println(settled >= 0
                        ? "gateway caught up " + settled + " s after the warm-up (5 s with at most two batches per device waiting)"
                        : "gateway still behind " + SETTLE_MAX_SECONDS + " s after the warm-up: recording anyway");
            }
            Map<String, Long> cpu0 = children.cpuNanos();
            Map<String, Long> kernel0 = children.kernelNanos();
            Map<String, String> gw0 = out.stats();
            int watchdog0 = out.watchdogs.get();
            String load0 = load();
            frames.recording(true);
            if (tap != null) {
                tap.recording(true);
            }
            Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
            frames.recording(false);
            if (tap != null) {
                tap.recording(false);
            }
            Map<String, Long> cpu1 = children.cpuNanos();
            Map<String, Long> kernel1 = children.kernelNanos();
            Map<String, String> gw1 = out.stats();
            int watchdog1 = out.watchdogs.get();
            System.out.printf("recorded from %s to %s%n", load0, load());
            long in = Long.parseLong(gw1.get("in")) - Long.parseLong(gw0.get("in"));
            System.out.printf("gateway while recording: devices streaming %s -> %s, samples in %d (offered %d), "
                            + "out %d, reconnects %d, watchdog reconnects %d (whole run %d), gaps %d, queue %s%n",
                    gw0.get("devices"), gw1.get("devices"), in, (long) devices * hz * seconds,
                    Long.parseLong(gw1.get("out")) - Long.parseLong(gw0.get("out")),
                    Long.parseLong(gw1.get("reconnects")) - Long.parseLong(gw0.get("reconnects")),
                    watchdog1 - watchdog0, watchdog1, Long.parseLong(gw1.get("gaps")) - Long.parseLong(gw0.get("gaps")),
                    gw1.get("queue"));
            for (String name : cpu1.keySet()) {
                double used = (cpu1.get(name) - cpu0.getOrDefault(name, 0L)) / 1e9;
                Long k1 = kernel1.get(name);
                String kernel = k1 == null || used <= 0 ? ""
                        : String.format(", %.0f %% of it in the kernel", 100 * (k1 - kernel0.getOrDefault(name, 0L)) / 1e9 / used);
                System.out.printf("CPU %-10s %6.1f s in %d s = %5.1f %% of one core%s%s%n", name, used, seconds,
                        100 * used / seconds, kernel, name.equals("gateway") && in > 0
                                ? String.format(", %.1f ms per 1000 samples in", 1e6 * used / in) : "");
            }
            for (WebSocket s : sockets) {
                s.abort();
            }
            children.stop("gateway", 120);
            if (tap != null) {
                tap.close();
            }
            frames.report(dir.resolve("stamps.bin"), tap);
        } finally {
            children.close();
            Runtime.getRuntime().removeShutdownHook(cleanup);
        }
        System.exit(0);
    }

    private static ProcessBuilder java(String optionsProperty, String heap, String main, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                heap, "-cp", System.getProperty("java.class.path")));
        String jdbc = System.getProperty("spinetrack.it.jdbc");
        if (jdbc != null) {
            cmd.add("-Dspinetrack.it.jdbc=" + jdbc);
        }
        String extra = System.getProperty(optionsProperty, "").trim();
        if (!extra.isEmpty()) {
            cmd.addAll(List.of(extra.split("\\s+")));
        }
        cmd.add(main);
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd);
    }

    static String load() {
        try {
            return "load " + Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "load unknown";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void awaitPort(int port) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("mosquitto did not listen on " + port);
    }

    private static Properties awaitServer(Path info) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (!Files.exists(info)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the server did not start in 180 s (see server.log)");
            }
            Thread.sleep(200);
        }
        Properties p = new Properties();
        try (var r = Files.newBufferedReader(info)) {
            p.load(r);
        }
        System.out.println("server on port " + p.getProperty("port") + ", " + p.getProperty("database"));
        return p;
    }

    private static long clockSkewMicros(GatewayOutput out) throws InterruptedException {
        String line = out.awaitClock();
        String[] f = line.split(" ");
        long gatewayOffset = Long.parseLong(f[4]) - Long.parseLong(f[2]);
        long harnessOffset = BenchGatewayProcess.nowEpochNanos() - System.nanoTime();
        return (harnessOffset - gatewayOffset) / 1000;
    }

    /** Waits until the server knows every device and the gateway streams from all of them. */
    private static List<String> awaitDevices(Properties server, int devices, int timeoutS, GatewayOutput out)
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(timeoutS);
        List<String> ids = new ArrayList<>();
        long reported = 0;
        while (true) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + server.getProperty("port") + "/api/devices")).header("Authorization",
                    server.getProperty("authorization")).build(), HttpResponse.BodyHandlers.ofString());
            ids.clear();
            for (JsonNode d : json.readTree(r.body())) {
                ids.add(d.path("id").asText());
            }
            String streaming = out.stats().getOrDefault("devices", "0");
            long waited = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            if (ids.size() >= devices && Integer.parseInt(streaming) >= devices || System.nanoTime() > deadline) {
                System.out.printf("after %d s: server knows %d devices, gateway streams %s (%s)%n", waited,
                        ids.size(), streaming, load());
                return ids;
            }
            if (waited >= reported + 30) {
                reported = waited;
                System.out.printf("  %d s: server knows %d devices, gateway streams %s%n", waited, ids.size(), streaming);
            }
            Thread.sleep(1000);
        }
    }

    private static List<WebSocket> open(Properties server, List<String> ids, LiveFrameLog frames) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<WebSocket> sockets = new ArrayList<>();
        for (String id : ids) {
            sockets.add(http.newWebSocketBuilder().header("Authorization", server.getProperty("authorization"))
                    .buildAsync(URI.create("ws://127.0.0.1:" + server.getProperty("port") + "/ws/devices/" + id),
                            frames.listener()).get(30, TimeUnit.SECONDS));
        }
        // after a 300 s wait for the gateway to catch up, one run recorded no frames at all: the sockets
        // were gone, most likely at the server's idle timeout (5 min), since the client never writes.
        // A ping a minute is a write, so a long settle cannot end them before recording
        Thread keepAlive = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(TimeUnit.SECONDS.toMillis(60));
                    for (WebSocket s : sockets) {
                        if (!s.isOutputClosed()) {
                            s.sendPing(ByteBuffer.allocate(0));
                        }
                    }
                }
            } catch (InterruptedException e) {
                // the run is over
            }
        }, "bench-ws-ping");
        keepAlive.setDaemon(true);
        keepAlive.start();
        return sockets;
    }
}
