package dev.spinetrack.simulator.central;

import dev.spinetrack.protocol.gatt.PacketReassembler;
import dev.spinetrack.protocol.gatt.SampleFrame;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a central can tell about a stream from the notifications alone.
 *
 * @param notifications notifications received
 * @param frames        frames decoded (duplicates included)
 * @param decodeErrors  decode errors the reassembler reported
 * @param missing       sequence numbers skipped (gaps between the lowest and highest seen)
 * @param duplicates    frames whose sequence number was seen before
 * @param firstSeq      lowest sequence number seen, -1 when none
 * @param lastSeq       highest sequence number seen, -1 when none
 */
public record StreamStats(long notifications, long frames, long decodeErrors, long missing, long duplicates,
                          long firstSeq, long lastSeq) {

    /** Decodes the notifications with a fresh {@link PacketReassembler} and counts. */
    public static StreamStats of(List<ReferenceCentral.Received> received) {
        PacketReassembler reassembler = new PacketReassembler();
        Set<Long> seen = new HashSet<>();
        long frames = 0;
        long errors = 0;
        long dups = 0;
        long first = Long.MAX_VALUE;
        long last = -1;
        for (ReferenceCentral.Received r : received) {
            PacketReassembler.Outcome o = reassembler.accept(r.value());
            errors += o.errors().size();
            for (SampleFrame f : o.frames()) {
                frames++;
                if (!seen.add(f.sequence())) {
                    dups++;
                }
                first = Math.min(first, f.sequence());
                last = Math.max(last, f.sequence());
            }
        }
        long missing = last < 0 ? 0 : (last - first + 1) - seen.size();
        return new StreamStats(received.size(), frames, errors, missing, dups, last < 0 ? -1 : first, last);
    }
}
