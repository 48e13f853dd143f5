package dev.spinetrack.server.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The child processes of {@link ProcessLatencyBenchmark}: each logs to {@code <name>.log} in the
 * run's directory, takes {@code stop} on stdin where it understands it, and is ended (SIGTERM,
 * then SIGKILL) when the benchmark ends however it ends.
 */
final class BenchProcesses implements AutoCloseable {

    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, Path> logs = new LinkedHashMap<>();

    void start(String name, ProcessBuilder pb, Path dir) throws IOException {
        Path log = dir.resolve(name + ".log");
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        processes.put(name, pb.start());
        logs.put(name, log);
    }

    /** Starts the gateway with its output read by {@code out} (and copied to gateway.log). */
    GatewayOutput startGateway(ProcessBuilder pb, Path dir) throws IOException {
        Process p = pb.redirectErrorStream(true).start();
        processes.put("gateway", p);
        GatewayOutput out = new GatewayOutput();
        Thread copier = new Thread(() -> out.copy(p, dir.resolve("gateway.log")), "gateway-output");
        copier.setDaemon(true);
        copier.start();
        return out;
    }

    /** The first line of a child's log starting with {@code prefix}, waiting for it. */
    String awaitLine(String name, String prefix, int timeoutS) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutS);
        while (System.nanoTime() < deadline) {
            for (String line : Files.readAllLines(logs.get(name), StandardCharsets.UTF_8)) {
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
            if (!processes.get(name).isAlive()) {
                break;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " printed no '" + prefix + "' (see " + logs.get(name) + ")");
    }

    /** CPU time used so far per child (a child's own children, such as dbus-daemon, apart), and this JVM's. */
    Map<String, Long> cpuNanos() {
        Map<String, Long> cpu = new LinkedHashMap<>();
        for (Map.Entry<String, Process> e : processes.entrySet()) {
            cpu.put(e.getKey(), cpu(e.getValue().toHandle()));
            e.getValue().toHandle().descendants().forEach(d -> cpu.merge(
                    d.info().command().map(c -> Path.of(c).getFileName().toString()).orElse("child"), cpu(d), Long::sum));
        }
        cpu.put("harness", cpu(ProcessHandle.current()));
        return cpu;
    }

    /**
     * Of {@link #cpuNanos()}, the part spent in the kernel (system time), per child and this JVM,
     * from {@code /proc/<pid>/stat}; empty where there is no {@code /proc}.
     */
    Map<String, Long> kernelNanos() {
        Map<String, Long> cpu = new LinkedHashMap<>();
        for (Map.Entry<String, Process> e : processes.entrySet()) {
            kernel(e.getValue().pid()).ifPresent(n -> cpu.put(e.getKey(), n));
            e.getValue().toHandle().descendants().forEach(d -> kernel(d.pid()).ifPresent(n -> cpu.merge(
                    d.info().command().map(c -> Path.of(c).getFileName().toString()).orElse("child"), n, Long::sum)));
        }
        kernel(ProcessHandle.current().pid()).ifPresent(n -> cpu.put("harness", n));
        return cpu;
    }

    /** Field 15 of {@code /proc/<pid>/stat} (stime, in clock ticks of 10 ms on Linux), after the command's ")". */
    private static Optional<Long> kernel(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Optional.of(Long.parseLong(f[12]) * 10_000_000L);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static long cpu(ProcessHandle h) {
        return h.info().totalCpuDuration().map(d -> d.toNanos()).orElse(0L);
    }

    /** Asks a child to stop (stdin {@code stop}) and waits for it. */
    void stop(String name, int timeoutS) throws IOException, InterruptedException {
        Process p = processes.get(name);
        try (OutputStream in = p.getOutputStream()) {
            in.write("stop\n".getBytes(StandardCharsets.UTF_8));
        }
        if (!p.waitFor(timeoutS, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " did not stop in " + timeoutS + " s");
        }
    }

    /** {@link #close()} for a shutdown hook. */
    void closeQuietly() {
        try {
            close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void close() throws InterruptedException {
        List<String> names = new ArrayList<>(processes.keySet());
        for (int i = names.size() - 1; i >= 0; i--) {
            Process p = processes.get(names.get(i));
            if (p.isAlive()) {
                p.destroy();
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
    }
}
