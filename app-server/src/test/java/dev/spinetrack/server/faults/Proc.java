package dev.spinetrack.server.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A child process of the suite, its output in a log file, stopped gently or with kill -9. */
final class Proc implements AutoCloseable {

    private final String name;
    private final Process process;
    final Path log;

    private Proc(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static Proc start(String name, Path log, List<String> command) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            return new Proc(name, pb.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
    }

    /** A JVM running {@code mainClass} on this test's classpath. */
    static Proc java(String name, Path log, List<String> jvmArgs, String mainClass, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx384m");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.addAll(jvmArgs);
        cmd.add(mainClass);
        cmd.addAll(args);
        return start(name, log, cmd);
    }

    boolean alive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** kill -9. */
    void kill9() {
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(10));
    }

    /** SIGSTOP (true) or SIGCONT (false): the process neither runs nor answers, but keeps its sockets. */
    void freeze(boolean frozen) {
        run(List.of("kill", frozen ? "-STOP" : "-CONT", Long.toString(process.pid())), Duration.ofSeconds(10));
    }

    /** SIGTERM, then kill -9 after the grace time. */
    void stop(Duration grace) {
        process.destroy();
        if (!waitFor(grace)) {
            kill9();
        }
    }

    boolean waitFor(Duration d) {
        try {
            return process.waitFor(d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    int exitValue() {
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop(Duration.ofSeconds(10));
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ", log " + log + ")";
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean portOpen(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void awaitPort(int port, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!portOpen(port)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " did not open port " + port + " within " + timeout);
            }
            sleep(200);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs a command to completion; throws with its output when it fails. */
    static String run(List<String> command, Duration timeout) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(command + " did not finish within " + timeout);
            }
            String text = new String(out);
            if (p.exitValue() != 0) {
                throw new IllegalStateException(command + " failed (" + p.exitValue() + "): " + text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
