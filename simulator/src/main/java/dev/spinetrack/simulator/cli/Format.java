package dev.spinetrack.simulator.cli;

/** Small text formats of the CLI. */
final class Format {

    private Format() {
    }

    /** {@code m:ss} of a millisecond duration. */
    static String duration(long ms) {
        long s = ms / 1000;
        return String.format("%d:%02d", s / 60, s % 60);
    }
}
