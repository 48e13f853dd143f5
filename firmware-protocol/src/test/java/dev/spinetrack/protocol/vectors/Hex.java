package dev.spinetrack.protocol.vectors;

import java.util.HexFormat;

/** Hex as written in the vector file: pairs of digits, spaces allowed at field boundaries. */
final class Hex {

    private Hex() {
    }

    static byte[] parse(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    static String format(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
