package dev.spinetrack.protocol;

/** Why a byte sequence was rejected by a decoder; the names are part of PROTOCOL.md. */
public enum DecodeErrorKind {
    /** Fewer bytes than the field at the offset needs. */
    TRUNCATED,
    /** The version byte is not one this codec reads. */
    BAD_VERSION,
    /** A length or count field disagrees with the bytes present, or trailing bytes remain. */
    BAD_LENGTH,
    /** A control-point opcode that PROTOCOL.md does not define. */
    UNKNOWN_OPCODE,
    /** A field whose value is outside its documented range (including reserved bits set). */
    OUT_OF_RANGE,
    /** A notification fragment that does not continue the packet being reassembled. */
    BAD_FRAGMENT
}
