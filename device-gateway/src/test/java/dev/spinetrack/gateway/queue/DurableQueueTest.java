package dev.spinetrack.gateway.queue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DurableQueueTest {

    @TempDir
    Path dir;

    private DurableQueue open() throws IOException {
        return DurableQueue.open(dir, 1024 * 1024, 4096, FsyncPolicy.BEFORE_PUBLISH);
    }

    private static byte[] payload(int i) {
        return ("batch-" + i).getBytes(StandardCharsets.UTF_8);
    }

    private static String text(QueuedMessage m) {
        return new String(m.payload(), StandardCharsets.UTF_8);
    }

    @Test
    void handsOutMessagesInOrderWithTopicPayloadAndWeight() throws Exception {
        try (DurableQueue q = open()) {
            for (int i = 0; i < 5; i++) {
                assertEquals(i, q.append("t/" + i, payload(i), i * 10));
            }
            for (int i = 0; i < 5; i++) {
                QueuedMessage m = q.take(i, Duration.ZERO);
                assertEquals("t/" + i, m.topic());
                assertEquals("batch-" + i, text(m));
                assertEquals(i * 10, m.weight());
            }
            assertNull(q.take(5, Duration.ofMillis(1)));
        }
    }

    @Test
    void aRollForcesNothingAndTheNextTakeForcesEverySegmentBelowTheTailOnce() throws Exception {
        try (DurableQueue q = DurableQueue.open(dir, 1024 * 1024, 1024, FsyncPolicy.BEFORE_PUBLISH)) {
            for (int i = 0; i < 7; i++) {
                q.append("t", new byte[1100], 1); // past the 1 KiB segment size: one record per segment
            }
            List<Integer> appended = q.segmentForces();
            assertEquals(7, appended.size(), "a segment per record");
            assertEquals(java.util.Collections.nCopies(7, 0), appended,
                    "appending, rolls included, forces nothing: intake must not wait for the disk");
            q.take(0, Duration.ZERO);
            assertEquals(java.util.Collections.nCopies(7, 1), q.segmentForces(),
                    "before the first record goes out, every segment holding records below the tail was forced");
            for (int i = 1; i < 7; i++) {
                q.take(i, Duration.ZERO);
            }
            assertEquals(java.util.Collections.nCopies(7, 1), q.segmentForces(), "and none again for those records");
            q.append("t", new byte[1100], 1);
            q.take(7, Duration.ZERO);
            assertEquals(List.of(1, 1, 1, 1, 1, 1, 2, 1), q.segmentForces(),
                    "a later record forces the segment rolled since, and the new one, not the older ones");
        }
    }

    @Test
    void underFsyncNeverNothingIsForcedBeforePublishing() throws Exception {
        try (DurableQueue q = DurableQueue.open(dir, 1024 * 1024, 1024, FsyncPolicy.NEVER)) {
            for (int i = 0; i < 3; i++) {
                q.append("t", new byte[1100], 1);
                q.take(i, Duration.ZERO);
            }
            assertEquals(List.of(0, 0, 0), q.segmentForces());
        }
    }

    @Test
    void unacknowledgedMessagesSurviveReopenAndAcknowledgedOnesDoNot() throws Exception {
        try (DurableQueue q = open()) {
            for (int i = 0; i < 10; i++) {
                q.append("t", payload(i), 1);
            }
            for (int i = 0; i < 4; i++) {
                assertTrue(q.ack(i));
            }
        }
        try (DurableQueue q = open()) {
            assertEquals(4, q.head());
            assertEquals(6, q.depth());
            assertEquals("batch-4", text(q.take(0, Duration.ZERO)));
            assertEquals(10, q.append("t", payload(10), 1));
        }
    }

    @Test
    void outOfOrderAcknowledgementsAdvanceTheHeadOnlyOverTheAcknowledgedPrefix() throws Exception {
        try (DurableQueue q = open()) {
            for (int i = 0; i < 4; i++) {
                q.append("t", payload(i), 1);
            }
            assertTrue(q.ack(2));
            assertTrue(q.ack(1));
            assertEquals(0, q.head());
            assertTrue(q.ack(0));
            assertEquals(3, q.head());
            assertEquals(1, q.depth());
            assertTrue(!q.ack(1), "a second PUBACK for the same message is not counted");
        }
    }

    @Test
    void rollsSegmentsAndDeletesThoseFullyAcknowledged() throws Exception {
        try (DurableQueue q = open()) {
            byte[] big = new byte[1000];
            for (int i = 0; i < 20; i++) {
                q.append("t", big, 1);
            }
            assertTrue(segments() > 3, "segments: " + segments());
            for (int i = 0; i < 20; i++) {
                q.ack(i);
            }
            assertEquals(1, segments());
            assertEquals(0, q.depth());
        }
    }

    @Test
    void aTornTailWriteIsDetectedCountedAndSkipped() throws Exception {
        try (DurableQueue q = open()) {
            for (int i = 0; i < 3; i++) {
                q.append("t", payload(i), 1);
            }
        }
        Path seg;
        try (Stream<Path> s = Files.list(dir)) {
            seg = s.filter(p -> p.getFileName().toString().startsWith("seg-")).findFirst().orElseThrow();
        }
        long size = Files.size(seg);
        try (RandomAccessFile f = new RandomAccessFile(seg.toFile(), "rw")) {
            f.setLength(size - 3); // the last record lost its last bytes, as after a power cut mid-write
        }
        try (DurableQueue q = open()) {
            assertEquals(1, q.counters().tornRecords());
            assertEquals(2, q.depth());
            assertEquals("batch-1", text(q.take(1, Duration.ZERO)));
            assertEquals(2, q.append("t", payload(99), 1), "appends continue after the last good record");
            assertEquals("batch-99", text(q.take(2, Duration.ZERO)));
        }
    }

    @Test
    void aCorruptedRecordIsDetectedByItsChecksum() throws Exception {
        try (DurableQueue q = open()) {
            q.append("t", payload(0), 1);
            q.append("t", payload(1), 1);
        }
        Path seg;
        try (Stream<Path> s = Files.list(dir)) {
            seg = s.filter(p -> p.getFileName().toString().startsWith("seg-")).findFirst().orElseThrow();
        }
        try (RandomAccessFile f = new RandomAccessFile(seg.toFile(), "rw")) {
            f.seek(f.length() - 1);
            f.write('X');
        }
        try (DurableQueue q = open()) {
            assertEquals(1, q.counters().tornRecords());
            assertEquals(1, q.depth());
            assertEquals("batch-0", text(q.take(0, Duration.ZERO)));
        }
    }

    @Test
    void aSegmentThatLostItsTailIsBridgedAndTheLossCounted() throws Exception {
        try (DurableQueue q = DurableQueue.open(dir, 1024 * 1024, 1024, FsyncPolicy.NEVER)) {
            byte[] p = new byte[600];
            for (int i = 0; i < 6; i++) {
                p[0] = (byte) i;
                q.append("t", p, 1); // two records per segment: 0-1, 2-3, 4-5
            }
        }
        Path middle;
        try (Stream<Path> s = Files.list(dir)) {
            middle = s.filter(f -> f.getFileName().toString().startsWith("seg-")).sorted().skip(1).findFirst().orElseThrow();
        }
        try (RandomAccessFile f = new RandomAccessFile(middle.toFile(), "rw")) {
            f.setLength(f.length() - 10); // record 3 torn; segment 3 still starts at 4
        }
        try (DurableQueue q = DurableQueue.open(dir, 1024 * 1024, 1024, FsyncPolicy.NEVER)) {
            assertEquals(2, q.counters().tornRecords(), "the torn record, and the index the next segment skips");
            assertEquals(0, q.head());
            assertEquals(2, q.take(2, Duration.ZERO).payload()[0]);
            assertEquals(4, q.take(3, Duration.ZERO).payload()[0], "the lost index is skipped");
            for (long i = 0; i < 6; i++) {
                q.ack(i);
            }
            assertEquals(0, q.depth());
        }
    }

    @Test
    void whenFullNewMessagesAreRefusedCountedAndStoredOnesKept() throws Exception {
        try (DurableQueue q = DurableQueue.open(dir, 2048, 4096, FsyncPolicy.NEVER)) {
            byte[] p = new byte[500];
            int stored = 0;
            QueueFullException full = null;
            for (int i = 0; i < 10 && full == null; i++) {
                try {
                    q.append("t", p, 1);
                    stored++;
                } catch (QueueFullException e) {
                    full = e;
                }
            }
            assertTrue(full != null && full.getMessage().contains("full"));
            assertEquals(3, stored);
            assertEquals(1, q.counters().rejectedFull());
            assertEquals(3, q.depth());
            q.ack(0);
            q.append("t", p, 1);
            assertEquals(3, q.depth(), "an acknowledgement frees room");
        }
    }

    @Test
    void refusesAnUnusableBound() {
        assertThrows(IllegalArgumentException.class, () -> DurableQueue.open(dir, 10, 4096, FsyncPolicy.NEVER));
    }

    private long segments() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> l = s.filter(p -> p.getFileName().toString().startsWith("seg-")).toList();
            return l.size();
        }
    }
}
