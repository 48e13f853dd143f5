package dev.spinetrack.server.engine.session;

import dev.spinetrack.protocol.gatt.PressureUnit;
import dev.spinetrack.protocol.mqtt.Sample;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class SamplePlausibilityTest {

    private static final long NOW = 1_780_000_000_000L;
    private static final long DAY = 24L * 3600 * 1000;

    private static Sample at(long seq, long t, double... p) {
        return new Sample(seq, t, 0, 0, p, null);
    }

    @Test
    void ordinarySamplesPass() {
        assertNull(SamplePlausibility.problem(at(1001, NOW, 0, 250.5), 1000, NOW, PressureUnit.NEWTON));
        // frames lost over the air: a gap of a million seqs (hours at 100 Hz) is still believable
        assertNull(SamplePlausibility.problem(at(1_001_000, NOW, 20), 1000, NOW, PressureUnit.KILOPASCAL));
        // a first sample after the 32-bit counter wrapped once
        assertNull(SamplePlausibility.problem(at(4_294_967_306L, NOW, 20), -1, NOW, null));
        // positions are boot << 40 | seq: a device first seen in its first boot, and its next batch
        long boot1 = 1L << 40;
        assertNull(SamplePlausibility.problem(at(boot1 + 19, NOW, 20), -1, NOW, null));
        assertNull(SamplePlausibility.problem(at(boot1 + 20, NOW, 20), boot1 + 19, NOW, null));
        // a reboot: the seq restarts at 0 in the next boot, far beyond the last position
        assertNull(SamplePlausibility.problem(at(2 * boot1, NOW, 20), boot1 + 5_000, NOW, null));
        // a late batch of an earlier boot
        assertNull(SamplePlausibility.problem(at(boot1 + 7, NOW, 20), 2 * boot1 + 3, NOW, null));
        // a gateway backlog from last month
        assertNull(SamplePlausibility.problem(at(5, NOW - 30 * DAY, 20), -1, NOW, null));
    }

    @Test
    void impossibleSamplesAreNamed() {
        assertNotNull(SamplePlausibility.problem(at(1000 + 2_000_000_000L, NOW, 1), 1000, NOW, PressureUnit.NEWTON),
                "a seq jump of billions");
        assertNotNull(SamplePlausibility.problem(at(200_000L << 40, NOW, 1), -1, NOW, null),
                "a first boot no device reaches");
        assertNotNull(SamplePlausibility.problem(at((1L << 40) + 2_000_000_000L, NOW, 1), 1L << 40, NOW, null),
                "a seq jump of billions within a boot");
        assertNotNull(SamplePlausibility.problem(at((1L << 40) * 5_000_000, NOW, 1), 1L << 40, NOW, null),
                "a boot jump of millions");
        assertNotNull(SamplePlausibility.problem(at((2L << 40) + 2_000_000_000L, NOW, 1), 1L << 40, NOW, null),
                "a new boot starting billions of seqs in");
        assertNotNull(SamplePlausibility.problem(at(1, NOW - 5 * 366 * DAY, 1), -1, NOW, null), "years ago");
        assertNotNull(SamplePlausibility.problem(at(1, NOW + 2 * DAY, 1), -1, NOW, null), "days ahead");
        assertNotNull(SamplePlausibility.problem(at(1, NOW, 6_000), -1, NOW, PressureUnit.NEWTON), "6 kN on a cell");
        assertNotNull(SamplePlausibility.problem(at(1, NOW, 1_500), -1, NOW, PressureUnit.KILOPASCAL), "15 bar");
        // NaN and negative pressures never get this far: Sample itself refuses them
    }
}
