package dev.spinetrack.protocol.gatt;

import dev.spinetrack.protocol.DecodeError;
import dev.spinetrack.protocol.DecodeErrorKind;
import dev.spinetrack.protocol.DecodeResult;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Rebuilds packets from sample-stream notifications of one device and decodes their frames
 * (PROTOCOL.md §4). Not thread-safe: one instance per device link. A lost fragment drops
 * only its packet; the next first fragment starts afresh.
 */
public final class PacketReassembler {

    /** What one notification produced: frames completed by it, and errors it revealed. */
    public record Outcome(List<SampleFrame> frames, List<DecodeError> errors) {
        public Outcome {
            frames = List.copyOf(frames);
            errors = List.copyOf(errors);
        }
    }

    private static final Outcome PENDING = new Outcome(List.of(), List.of());

    private final ByteArrayOutputStream packet = new ByteArrayOutputStream(64);
    private boolean inPacket;
    private int nextIndex;

    /** Takes one notification value. */
    public Outcome accept(byte[] notification) {
        if (notification == null || notification.length == 0) {
            return errorOnly(new DecodeError(DecodeErrorKind.TRUNCATED, "header", 0, "empty notification"));
        }
        if (notification.length == 1) {
            return errorOnly(new DecodeError(DecodeErrorKind.BAD_LENGTH, "body", 1, "notification has no body"));
        }
        int h = notification[0] & 0xFF;
        boolean first = (h & 0x80) != 0;
        boolean last = (h & 0x40) != 0;
        int index = h & 0x3F;
        List<DecodeError> errors = new ArrayList<>(1);
        if (first) {
            if (inPacket) {
                errors.add(new DecodeError(DecodeErrorKind.BAD_FRAGMENT, "header", 0,
                        "new packet started before fragment " + nextIndex + " of the previous one arrived"));
            }
            if (index != 0) {
                reset();
                errors.add(new DecodeError(DecodeErrorKind.BAD_FRAGMENT, "index", 0,
                        "first fragment has index " + index + ", expected 0"));
                return new Outcome(List.of(), errors);
            }
            reset();
            inPacket = true;
        } else if (!inPacket) {
            errors.add(new DecodeError(DecodeErrorKind.BAD_FRAGMENT, "header", 0,
                    "fragment " + index + " arrived without the first fragment of its packet"));
            return new Outcome(List.of(), errors);
        } else if (index != nextIndex) {
            errors.add(new DecodeError(DecodeErrorKind.BAD_FRAGMENT, "index", 0,
                    "fragment " + index + " arrived, expected " + nextIndex + "; packet dropped"));
            reset();
            return new Outcome(List.of(), errors);
        }
        packet.write(notification, 1, notification.length - 1);
        nextIndex = index + 1;
        if (!last) {
            if (nextIndex >= FragmentHeader.MAX_FRAGMENTS) {
                reset();
                errors.add(new DecodeError(DecodeErrorKind.BAD_FRAGMENT, "index", 0,
                        "packet exceeds 64 fragments without a last fragment"));
            }
            return errors.isEmpty() ? PENDING : new Outcome(List.of(), errors);
        }
        byte[] bytes = packet.toByteArray();
        reset();
        List<SampleFrame> frames = new ArrayList<>(4);
        int at = 0;
        while (at < bytes.length) {
            DecodeResult<SampleFrameCodec.Decoded> r = SampleFrameCodec.decodeAt(bytes, at);
            if (r instanceof DecodeResult.Ok<SampleFrameCodec.Decoded> ok) {
                frames.add(ok.value().frame());
                at = ok.value().next();
            } else {
                errors.add(r.errorOrNull());
                break;
            }
        }
        return new Outcome(frames, errors);
    }

    /** Forgets a partial packet, e.g. after a disconnect. */
    public void reset() {
        packet.reset();
        inPacket = false;
        nextIndex = 0;
    }

    private static Outcome errorOnly(DecodeError e) {
        return new Outcome(List.of(), List.of(e));
    }
}
