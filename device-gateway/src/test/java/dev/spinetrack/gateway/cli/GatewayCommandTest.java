package dev.spinetrack.gateway.cli;

import dev.spinetrack.gateway.GatewayConfig;
import dev.spinetrack.gateway.queue.FsyncPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GatewayCommandTest {

    @TempDir
    Path dir;

    private static GatewayCommand parse(String... args) {
        GatewayCommand c = new GatewayCommand();
        new CommandLine(c).parseArgs(args);
        return c;
    }

    @Test
    void defaultsNeedNoSettingsAtAll() {
        GatewayConfig c = parse().resolve(Map.of());
        assertEquals("tcp://127.0.0.1:1883", c.brokerUrl());
        assertEquals(Duration.ofMillis(20), c.batchMaxAge());
        assertNull(c.simulate());
    }

    @Test
    void flagsWinOverEnvironmentWhichWinsOverTheFile() throws Exception {
        Path yaml = dir.resolve("gw.yaml");
        Files.writeString(yaml, """
                gateway-id: from-file
                broker: tcp://file:1883
                batch-age-ms: 50
                allow: [ "C0:FF:EE:00:00:01", "Studio Rack" ]
                fsync: never
                """);
        GatewayConfig c = parse("--config", yaml.toString(), "--broker", "tcp://flag:1883", "--simulate", "massage",
                "--speed", "10", "--loop").resolve(Map.of("SPINETRACK_GATEWAY_BROKER", "tcp://env:1883",
                "SPINETRACK_GATEWAY_GATEWAY_ID", "from-env", "SPINETRACK_GATEWAY_PASSWORD", "s3cret"));
        assertEquals("tcp://flag:1883", c.brokerUrl());
        assertEquals("from-env", c.gatewayId());
        assertEquals("s3cret", c.password());
        assertEquals(Duration.ofMillis(50), c.batchMaxAge());
        assertEquals(FsyncPolicy.NEVER, c.fsync());
        assertEquals(Set.of("C0:FF:EE:00:00:01", "Studio Rack"), c.allowList());
        assertEquals("massage", c.simulate());
        assertEquals(10.0, c.speed());
        assertTrue(c.loop());
        assertTrue(!c.toString().contains("s3cret"), "the password never reaches a log line");
    }

    @Test
    void aBadValueNamesTheSettingItsSourceAndTheProblem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parse("--batch-age-ms", "soon").resolve(Map.of()));
        assertTrue(e.getMessage().contains("command line") && e.getMessage().contains("batch-age-ms")
                && e.getMessage().contains("not a whole number"), e.getMessage());
        IllegalArgumentException url = assertThrows(IllegalArgumentException.class,
                () -> parse().resolve(Map.of("SPINETRACK_GATEWAY_BROKER", "localhost")));
        assertTrue(url.getMessage().contains("environment") && url.getMessage().contains("tcp://"), url.getMessage());
    }

    @Test
    void anUnknownKeyInTheFileIsRejectedWithTheKnownOnes() throws Exception {
        Path yaml = dir.resolve("bad.yaml");
        Files.writeString(yaml, "brokr: tcp://x:1883\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parse("--config", yaml.toString()).resolve(Map.of()));
        assertTrue(e.getMessage().contains("brokr") && e.getMessage().contains("broker"), e.getMessage());
    }

    @Test
    void invalidYamlIsReportedAsSuch() throws Exception {
        Path yaml = dir.resolve("broken.yaml");
        Files.writeString(yaml, "broker: [unclosed\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parse("--config", yaml.toString()).resolve(Map.of()));
        assertTrue(e.getMessage().contains("not valid YAML"), e.getMessage());
    }

    @Test
    void helpListsTheBrokerAndSimulateOptions() {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new GatewayCommand());
        cl.setOut(new PrintWriter(out));
        assertEquals(0, cl.execute("--help"));
        assertTrue(out.toString().contains("--broker=URL") && out.toString().contains("--simulate=SCENARIO"));
    }

    @Test
    void invalidSettingsExitWithCodeTwo() {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new GatewayCommand());
        cl.setErr(new PrintWriter(err));
        assertEquals(2, cl.execute("--queue-max-mb", "0"));
    }
}
