package dev.spinetrack.gateway.queue;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kill -9 of a process recording into the intake log, at a random moment: every sample whose
 * {@code received} call had returned and whose batch was not sealed comes back on the next
 * open, exactly as recorded, and nothing of a sealed batch does. The roll size is small, so the
 * kill often lands just after the log moved to a reused file.
 */
class IntakeLogKillIT {

    @TempDir
    Path dir;

    @RepeatedTest(4)
    void nothingRecordedIsLostAndNothingSealedComesBack() throws Exception {
        long killAfter = ThreadLocalRandom.current().nextLong(5_000, 40_000);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                IntakeWriterMain.class.getName(), dir.toString(), "16384").redirectErrorStream(true).start();
        long lastReceived = -1;
        long lastSealed = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("R ")) {
                    lastReceived = Long.parseLong(line.substring(2));
                    if (lastReceived == killAfter) {
                        // SIGKILL through the handle: Process.destroyForcibly would close our end of the pipe,
                        // and the lines the writer printed before it died are still to be read
                        child.toHandle().destroyForcibly();
                    }
                } else if (line.startsWith("S ")) {
                    lastSealed = Long.parseLong(line.substring(2));
                } else {
                    System.out.println("[writer] " + line);
                }
            }
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertTrue(lastReceived >= killAfter, "the writer got as far as " + lastReceived);

        List<IntakeLog.Unsealed> left = IntakeLog.open(dir, 16384).recovered();
        String seen = "writer reported received up to " + lastReceived + ", sealed up to " + lastSealed;
        if (left.isEmpty()) {
            // only when the last reported sample closed its batch, and the seal after it was made
            // (reported or not): a line is printed right after its call returns
            assertEquals(IntakeWriterMain.BATCH - 1, lastReceived % IntakeWriterMain.BATCH, seen);
            return;
        }
        assertEquals(1, left.size(), seen);
        IntakeLog.Unsealed open = left.get(0);
        assertEquals(IntakeWriterMain.DEVICE, open.device());
        assertEquals(IntakeWriterMain.BOOT, open.boot());
        long first = open.samples().get(0).seq();
        long last = open.samples().get(open.samples().size() - 1).seq();
        assertEquals(0, first % IntakeWriterMain.BATCH, "an open batch starts after a seal: " + seen);
        assertTrue(first > lastSealed, "nothing of a sealed batch comes back (from " + first + "): " + seen);
        assertTrue(last >= lastReceived, "every reported sample is held (up to " + last + "): " + seen);
        assertTrue(last <= lastReceived + 1, "at most the one sample not yet reported: " + seen);
        assertTrue(open.samples().size() <= IntakeWriterMain.BATCH, seen);
        for (int i = 0; i < open.samples().size(); i++) {
            assertEquals(IntakeWriterMain.sample(first + i), open.samples().get(i), "as recorded: " + seen);
        }
    }
}
