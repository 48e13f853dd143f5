package dev.spinetrack.gateway.queue;

import dev.spinetrack.protocol.mqtt.Sample;

import java.nio.file.Path;

/**
 * The child process {@link IntakeLogKillIT} kills: records samples of one device without end,
 * sealing every third, and reports on stdout each one once its call returned ({@code R seq},
 * {@code S seq} for a seal after {@code seq}). Arguments: the log directory and its roll size.
 */
public final class IntakeWriterMain {

    static final String DEVICE = "aa0000000001";
    static final long BOOT = 7;
    static final int BATCH = 3;

    private IntakeWriterMain() {
    }

    /** The sample the writer records as number {@code seq}: every value follows from it. */
    static Sample sample(long seq) {
        double[] p = new double[32];
        for (int c = 0; c < p.length; c++) {
            p[c] = ((seq * 31 + c * 7) % 4096) * 0.125;
        }
        return new Sample(seq, 1_763_700_000_000L + seq * 10, (seq % 600) / 10.0 - 30, -(seq % 700) / 10.0,
                p, seq % 100 == 0 ? (int) (seq / 100 % 101) : null);
    }

    public static void main(String[] args) throws Exception {
        IntakeLog log = IntakeLog.open(Path.of(args[0]), Long.parseLong(args[1]));
        log.forgetRecovered();
        for (long seq = 0; ; seq++) {
            log.received(DEVICE, BOOT, sample(seq));
            System.out.println("R " + seq);
            if (seq % BATCH == BATCH - 1) {
                log.sealed(DEVICE);
                System.out.println("S " + seq);
            }
        }
    }
}
