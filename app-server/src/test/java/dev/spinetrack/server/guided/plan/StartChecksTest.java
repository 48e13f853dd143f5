package dev.spinetrack.server.guided.plan;

import dev.spinetrack.server.program.Program;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * When a guided session may start (docs/dashboard.md, guided sessions): an unknown program or one for
 * the other device kind is a bad request, a device without info or with a guided session running
 * (unless replaced) is a conflict.
 */
class StartChecksTest {

    @Test
    void aBallProgramStartsOnABall() throws Exception {
        assertEquals(Optional.empty(),
                StartChecks.refusal("t", Optional.of(GuidedSessionTest.program()), List.of("t"), "c0ffee000001", "BALL"));
    }

    @Test
    void anUnknownProgramIsABadRequestNamingTheKnownOnes() {
        assertEquals(Optional.of(new StartChecks.Refusal("program", "no program 'x'; known: [t, u]", false, null)),
                StartChecks.refusal("x", Optional.empty(), List.of("t", "u"), "c0ffee000001", "BALL"));
    }

    @Test
    void aDeviceThatNeverDescribedItselfIsAConflict() throws Exception {
        Program ball = GuidedSessionTest.program();
        assertEquals(Optional.of(new StartChecks.Refusal("device",
                        "device c0ffee000001 has not described itself yet (no info)", true, null)),
                StartChecks.refusal("t", Optional.of(ball), List.of("t"), "c0ffee000001", null));
    }

    @Test
    void aBallProgramOnARackIsABadRequest() throws Exception {
        Program ball = GuidedSessionTest.program();
        assertEquals(Optional.of(new StartChecks.Refusal("program",
                        "program 't' is for a ball, device c0ffee000002 is a rack", false, null)),
                StartChecks.refusal("t", Optional.of(ball), List.of("t"), "c0ffee000002", "RACK"));
    }

    @Test
    void oneGuidedSessionPerDeviceUnlessTheStartReplacesIt() {
        assertEquals(Optional.of(new StartChecks.Refusal("device", "guided session 7 is running on device "
                        + "c0ffee000001; stop it, or start with replace: true to stop it and start anew", true, 7L)),
                StartChecks.whileRunning("c0ffee000001", 7L, false));
        assertEquals(Optional.empty(), StartChecks.whileRunning("c0ffee000001", 7L, true), "replace");
        assertEquals(Optional.empty(), StartChecks.whileRunning("c0ffee000001", null, false), "none runs");
    }
}
