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
import static org.junit.jupiter.api.Assertions.assertThrows;
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
        log.received("aa0000000001", 0, sample(2, null));
        // a kill in the middle of the third record: its header landed, part of its body did not
        Path file = files().get(0);
        byte[] bytes = Files.readAllBytes(file);
        int third = 2 * recordBytes(bytes);
        java.util.Arrays.fill(bytes, third + 20, third + recordBytes(bytes), (byte) 0);
        Files.write(file, bytes);
        List<IntakeLog.Unsealed> left = IntakeLog.open(dir).recovered();
        assertEquals(List.of(sample(0, null), sample(1, null)), left.get(0).samples());
    }

    @Test
    void aRecordWhoseHeaderNeverLandedIsNotThere() throws IOException {
        IntakeLog log = IntakeLog.open(dir);
        log.received("aa0000000001", 0, sample(0, null));
        log.received("aa0000000001", 0, sample(1, null));
        Path file = files().get(0);
        byte[] bytes = Files.readAllBytes(file);
        int second = recordBytes(bytes);
        // the body and the next zero header are written first, the header last
        java.util.Arrays.fill(bytes, second, second + 8, (byte) 0);
        Files.write(file, bytes);
        assertEquals(List.of(sample(0, null)), IntakeLog.open(dir).recovered().get(0).samples());
    }

    @Test
    void readsTheExactSizedFilesOfEarlierVersions() throws IOException {
        IntakeLog log = IntakeLog.open(dir);
        log.received("aa0000000001", 0, sample(0, null));
        log.received("aa0000000001", 0, sample(1, 77));
        Path file = files().get(0);
        byte[] bytes = Files.readAllBytes(file);
        // what the write-per-record log left: the records and nothing after them
        Files.write(file, java.util.Arrays.copyOf(bytes, 2 * recordBytes(bytes)));
        assertEquals(List.of(sample(0, null), sample(1, 77)), IntakeLog.open(dir).recovered().get(0).samples());
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
        assertTrue(files().size() <= 1 + IntakeLog.SPARE_FILES,
                "once nothing is open in old files they are reused or go at the next roll: " + files());
        assertTrue(Files.notExists(first), "b's first file was reused or deleted");
        assertEquals(List.of(), IntakeLog.open(dir).recovered());
    }

    @Test
    void aReusedFileHoldsNothingOfItsEarlierRecords() throws IOException {
        IntakeLog log = IntakeLog.open(dir, 4096);
        long seq = 0;
        for (int batch = 0; batch < 200; batch++) {
            log.received("aa0000000001", 0, sample(seq++, null));
            log.received("aa0000000001", 0, sample(seq++, null));
            log.sealed("aa0000000001");
        }
        log.received("aa0000000001", 0, sample(seq, 5));
        // the sealed samples live on in reused files' bytes past their new start; none comes back
        assertEquals(List.of(new IntakeLog.Unsealed("aa0000000001", 0, List.of(sample(seq, 5)))),
                IntakeLog.open(dir).recovered());
    }

    @Test
    void writesNothingOnceClosed() throws IOException {
        IntakeLog log = IntakeLog.open(dir);
        log.close();
        assertThrows(IllegalStateException.class, () -> log.received("aa0000000001", 0, sample(0, null)));
    }

    /** Bytes one record takes, read from the first record's length. */
    private static int recordBytes(byte[] file) {
        return 8 + java.nio.ByteBuffer.wrap(file).getInt(0);
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("intake-")).sorted().toList();
        }
    }
}
