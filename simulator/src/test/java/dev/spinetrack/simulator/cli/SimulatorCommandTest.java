package dev.spinetrack.simulator.cli;

import dev.spinetrack.simulator.truth.GroundTruth;
import dev.spinetrack.simulator.truth.GroundTruthJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulatorCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = SimulatorCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void helpNamesTheSubcommands() {
        assertEquals(0, run("--help"));
        for (String sub : new String[] {"list", "describe", "run", "load"}) {
            assertTrue(out.toString().contains(sub), out.toString());
        }
        assertEquals(0, run("run", "--help"));
        assertTrue(out.toString().contains("--faults"));
    }

    @Test
    void listsAndDescribesScenarios() {
        assertEquals(0, run("list"));
        assertTrue(out.toString().contains("rack-decompression"));
        assertEquals(0, run("describe", "mobilization"));
        assertTrue(out.toString().contains("cat-cow, 8 reps"), out.toString());
    }

    @Test
    void runWritesGroundTruthAndAFaultSummary(@TempDir Path dir) throws Exception {
        Path truth = dir.resolve("out/truth.json");
        Path capture = dir.resolve("capture.txt");
        assertEquals(0, run("run", "studio", "--fast", "--seed", "3", "--mtu", "23", "--faults", "drop=1%",
                "--truth", truth.toString(), "--capture", capture.toString()), err.toString());

        GroundTruth t = GroundTruthJson.read(truth);
        assertEquals("studio", t.scenario());
        assertEquals(4, t.devices().size());
        assertTrue(t.faults().stream().allMatch(f -> f.type().equals("DROP")));
        assertTrue(out.toString().contains("byte-stream SHA-256"));
        assertTrue(Files.readAllLines(capture).size() > 1000);
    }

    @Test
    void clockedRunsAndLoadModeWork() {
        assertEquals(0, run("load", "--devices", "4", "--rate", "50", "--duration", "4", "--speed", "20"), err.toString());
        assertTrue(out.toString().contains("load:4x50x4s"), out.toString());
        assertEquals(0, run("run", "load:2x20x4s", "--speed", "40"), err.toString());
        assertTrue(out.toString().contains("emitted"), out.toString());
    }

    @Test
    void badInputGetsAnErrorNotAStackTrace() {
        assertNotEquals(0, run("run", "massage", "--mtu", "9"));
        assertTrue(err.toString().contains("--mtu must be in [23, 247]"), err.toString());
        assertNotEquals(0, run("run", "no-such-scenario", "--fast"));
        assertTrue(err.toString().contains("no scenario 'no-such-scenario'"), err.toString());
        assertNotEquals(0, run("run", "massage", "--fast", "--faults", "boom=1"));
        assertTrue(err.toString().contains("unknown fault 'boom'"), err.toString());
    }
}
