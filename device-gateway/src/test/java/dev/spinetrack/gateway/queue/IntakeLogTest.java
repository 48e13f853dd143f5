package dev.spinetrack.gateway.queue;

import dev.spinetrack.protocol.mqtt.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IntakeLogTest {

    @TempDir
    Path dir;

    private static Sample sample(long seq, Integer bat) {
        return new Sample(seq, 1_763_700_000_000L + seq * 10, -12.5, 170.25,
                new double[] {0, 1.5, seq, Double.MIN_VALUE}, bat);
    }

    @Test
    void handsBackWhatWasReceivedButNeverSealedAfterTheProcessVanished() throws IOException {
        IntakeLog log = IntakeLog.open(dir);
        log.received("aa0000000001", 3, sample(0, 80));
        log.received("aa0000000001", 3, sample(1, null));
        log.received("bb0000000002", 0, sample(7, null));
        log.sealed("aa0000000001");
        log.received("aa0000000001", 3, sample(2, 79));
        log.received("bb0000000002", 0, sample(8, 100));
        // no close(): the next open is what a kill -9 leaves behind

        IntakeLog again = IntakeLog.open(dir);
        List<IntakeLog.Unsealed> left = again.recovered().stream()
                .sorted(java.util.Comparator.comparing(IntakeLog.Unsealed::device)).toList();
        assertEquals(2, left.size());
        assertEquals(new IntakeLog.Unsealed("aa0000000001", 3, List.of(sample(2, 79))), left.get(0));
        assertEquals(new IntakeLog.Unsealed("bb0000000002", 0, List.of(sample(7, null), sample(8, 100))),
                left.get(1));
    }

    @Test
    void keepsEachBootApartWhenADeviceRebootedWithABatchOpen() throws IOException {
        IntakeLog log = IntakeLog.open(dir);
        log.received("aa0000000001", 3, sample(500, null));
        log.received("aa0000000001", 4, sample(0, null));
        List<IntakeLog.Unsealed> left = IntakeLog.open(dir).recovered();
        assertEquals(List.of(new IntakeLog.Unsealed("aa0000000001", 3, List.of(sample(500, null))),
                new IntakeLog.Unsealed("aa0000000001", 4, List.of(sample(0, null)))), left);
    }

    @Test
    void aTornLastRecordIsCutAndEverythingBeforeItKept() throws IOException {
        IntakeLog log = IntakeLog.open(dir);
        log.received("aa0000000001", 0, sample(0, null));
        log.received("aa0000000001", 0, sample(1, null));
        Path file = files().get(0);
        long whole = Files.size(file);
        log.received("aa0000000001", 0, sample(2, null));
        // a kill in the middle of the third write: only part of the record reached the file
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, (int) whole + 11));
        List<IntakeLog.Unsealed> left = IntakeLog.open(dir).recovered();
        assertEquals(List.of(sample(0, null), sample(1, null)), left.get(0).samples());
    }

    @Test
    void forgettingTheRecoveredDeletesOnlyThePreviousRunsFiles() throws IOException {
        IntakeLog log = IntakeLog.open(dir);
        log.received("aa0000000001", 0, sample(0, null));
        IntakeLog again = IntakeLog.open(dir);
        again.received("aa0000000001", 0, sample(1, null));
        again.forgetRecovered();
        assertEquals(1, files().size());
        assertEquals(List.of(sample(1, null)), IntakeLog.open(dir).recovered().get(0).samples());
    }

    @Test
    void rollsToNewFilesAndDeletesThoseNoOpenBatchNeeds() throws IOException {
        IntakeLog log = IntakeLog.open(dir, 4096);
        // device b keeps one batch open from the first file on; device a streams and seals
        log.received("bb0000000002", 0, sample(0, null));
        Path first = files().get(0);
        long seq = 0;
        for (int batch = 0; batch < 100; batch++) {
            for (int i = 0; i < 5; i++) {
                log.received("aa0000000001", 0, sample(seq++, null));
            }
            log.sealed("aa0000000001");
        }
        assertTrue(files().size() > 2, "rolled: " + files());
        assertTrue(Files.exists(first), "the file where b's open batch starts is kept");
        log.sealed("bb0000000002");
        for (int batch = 0; batch < 100; batch++) {
            log.received("aa0000000001", 0, sample(seq++, null));
            log.sealed("aa0000000001");
        }
        assertEquals(1, files().size(), "once nothing is open in old files they go at the next roll");
        assertEquals(List.of(), IntakeLog.open(dir).recovered());
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("intake-")).sorted().toList();
        }
    }
}
