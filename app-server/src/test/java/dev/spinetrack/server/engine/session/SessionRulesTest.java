package dev.spinetrack.server.engine.session;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The session boundaries of docs/server.md ("Sessions", "Storage") and PROTOCOL.md §7.6 item 5,
 * with the default idle timeout of 60 s; every expectation is worked out from those texts.
 */
class SessionRulesTest {

    private static final long IDLE = 60_000;
    private final SessionRules rules = new SessionRules(IDLE, true);

    // contact opens a session when none is open

    @Test
    void contactOpensAnAutomaticSessionForTheOwnerAtThatSample() {
        assertEquals(Optional.of(new SessionStart("alice", true, 7, 1_000)), rules.openOn(true, "alice", 7, 1_000));
    }

    @Test
    void noContactOpensNothing() {
        assertEquals(Optional.empty(), rules.openOn(false, "alice", 7, 1_000));
    }

    @Test
    void withoutAutomaticSessionsContactOpensNothing() {
        assertEquals(Optional.empty(), new SessionRules(IDLE, false).openOn(true, "alice", 7, 1_000));
    }

    @Test
    void aUserStartHoldsTheSamplesAfterTheHighestReceived() {
        assertEquals(new SessionStart("bob", false, 42, 5_000), SessionStart.byUser("bob", 41, 5_000));
    }

    // an automatic session ends after more than the idle timeout without contact

    @Test
    void anAutomaticSessionEndsIdleOnlyPastTheIdleTimeoutWithoutContact() {
        long lastContact = 100_000;
        assertFalse(rules.endsIdle(true, false, lastContact + IDLE, lastContact), "exactly the idle timeout");
        assertTrue(rules.endsIdle(true, false, lastContact + IDLE + 1, lastContact), "1 ms more");
    }

    @Test
    void contactOrAnApiSessionNeverEndsIdle() {
        assertFalse(rules.endsIdle(true, true, 500_000, 100_000), "in contact");
        assertFalse(rules.endsIdle(false, false, 500_000, 100_000), "started over the API: ends when stopped");
    }

    // a device-time gap past the idle timeout ends an automatic session at its last sample

    @Test
    void aGapInTheDataPastTheIdleTimeoutEndsTheSessionAtItsLastSample() {
        OpenSession open = new OpenSession(3, true, 250, 100_000);
        assertEquals(new Boundary.EndSilently(3, 100_000), rules.beforeSample(open, null, 900, 160_001));
    }

    @Test
    void aGapOfExactlyTheIdleTimeoutKeepsTheSession() {
        OpenSession open = new OpenSession(3, true, 250, 100_000);
        assertEquals(new Boundary.Continue(), rules.beforeSample(open, null, 900, 160_000));
    }

    @Test
    void aGapNeverEndsAnApiSession() {
        OpenSession open = new OpenSession(3, false, 250, 100_000);
        assertEquals(new Boundary.Continue(), rules.beforeSample(open, null, 900, 1_000_000));
    }

    @Test
    void aSessionWithoutSamplesHasNoLastSampleToEndAt() {
        OpenSession open = new OpenSession(3, true, 0, 0);
        assertEquals(new Boundary.Continue(), rules.beforeSample(open, null, 900, 1_000_000));
    }

    // a session closed as silent by the wall clock opens again for data within the idle timeout

    @Test
    void dataWithinTheIdleTimeoutOfASilentSessionResumesIt() {
        SilentSession silent = new SilentSession(5, 100_000L, 50);
        assertEquals(new Boundary.Resume(5, 30_000), rules.beforeSample(null, silent, 51, 130_000));
        assertEquals(new Boundary.Resume(5, IDLE), rules.beforeSample(null, silent, 51, 160_000), "at the limit");
    }

    @Test
    void dataPastTheIdleTimeoutLeavesTheSilentCloseStanding() {
        SilentSession silent = new SilentSession(5, 100_000L, 50);
        assertEquals(new Boundary.NoSession(), rules.beforeSample(null, silent, 51, 160_001));
    }

    @Test
    void aSampleNotAfterTheSilentSessionCannotResumeIt() {
        SilentSession silent = new SilentSession(5, 100_000L, 50);
        assertEquals(new Boundary.NoSession(), rules.beforeSample(null, silent, 50, 101_000));
    }

    @Test
    void aSilentSessionWithoutSamplesIsNotResumed() {
        SilentSession silent = new SilentSession(5, null, 50);
        assertEquals(new Boundary.NoSession(), rules.beforeSample(null, silent, 51, 1_000));
    }

    @Test
    void withNothingOpenAndNothingSilentThereIsNoSession() {
        assertEquals(new Boundary.NoSession(), rules.beforeSample(null, null, 1, 1_000));
    }

    @Test
    void anOpenSessionWinsOverAnOlderSilentOne() {
        OpenSession open = new OpenSession(8, false, 10, 120_000);
        SilentSession silent = new SilentSession(5, 100_000L, 50);
        assertEquals(new Boundary.Continue(), rules.beforeSample(open, silent, 200, 121_000));
    }

    // a late batch holding the first contact just before an automatic session moves its start back

    @Test
    void aLateFirstContactWithinTheIdleTimeoutMovesTheStartBack() {
        NextSession next = new NextSession(3, true, 100_000);
        assertEquals(Optional.of(new StartMove(3, 90, 95_000, 5_000)), rules.earlierStart(90, 95_000, false, next));
        assertEquals(Optional.of(new StartMove(3, 90, 40_000, IDLE)), rules.earlierStart(90, 40_000, false, next),
                "exactly the idle timeout before");
    }

    @Test
    void aLateContactTooLongBeforeStartsNothingEarlier() {
        NextSession next = new NextSession(3, true, 100_000);
        assertEquals(Optional.empty(), rules.earlierStart(90, 39_999, false, next));
    }

    @Test
    void aLateContactMovesNoApiSessionAndNoneWhenAlreadyInASession() {
        assertEquals(Optional.empty(), rules.earlierStart(90, 95_000, false, new NextSession(3, false, 100_000)));
        assertEquals(Optional.empty(), rules.earlierStart(90, 95_000, true, new NextSession(3, true, 100_000)));
        assertEquals(Optional.empty(), rules.earlierStart(90, 95_000, false, null));
        assertEquals(Optional.empty(),
                new SessionRules(IDLE, false).earlierStart(90, 95_000, false, new NextSession(3, true, 100_000)));
    }

    // stop, replace and the sweep end a session at the last received seq

    @Test
    void aStoppedSessionHoldsEverythingTrackedButNeverEndsBeforeItsStart() {
        assertEquals(120, SessionRules.endSeq(120, 100));
        assertEquals(99, SessionRules.endSeq(80, 100), "started after everything received: empty, ends before it");
    }

    @Test
    void theSweepEndsASessionAtItsLastSampleOrAtItsClockWithoutOne() {
        assertEquals(5_000, SessionRules.sweptEnd(5_000L, 900_000));
        assertEquals(900_000, SessionRules.sweptEnd(null, 900_000));
    }
}
