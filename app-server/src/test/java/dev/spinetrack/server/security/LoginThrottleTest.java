package dev.spinetrack.server.security;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginThrottleTest {

    private final LoginThrottle throttle = new LoginThrottle();
    private long now = 1_000_000;

    @Test
    void fiveWrongPasswordsLockTheUserForThirtySecondsThenEachFurtherOneDoubles() {
        for (int i = 1; i <= 4; i++) {
            assertEquals(Optional.empty(), throttle.failed("ann", "10.0.0.1", now), "failure " + i + " is free");
            assertEquals(Optional.empty(), throttle.wait("ann", "10.0.0.1", now));
        }
        assertEquals(Optional.of(Duration.ofSeconds(30)), throttle.failed("ann", "10.0.0.1", now), "the fifth locks");
        assertEquals(Optional.of(Duration.ofSeconds(30)), throttle.wait("ann", "10.0.0.2", now),
                "the user id is locked from any address");
        assertEquals(Optional.of(Duration.ofSeconds(10)), throttle.wait("ANN ", "10.0.0.2", now + 20_000),
                "the same user id however it is typed");
        now += 30_000;
        assertEquals(Optional.empty(), throttle.wait("ann", "10.0.0.1", now), "the lock ends");
        assertEquals(Optional.of(Duration.ofSeconds(60)), throttle.failed("ann", "10.0.0.1", now));
        now += 60_000;
        assertEquals(Optional.of(Duration.ofSeconds(120)), throttle.failed("ann", "10.0.0.1", now));
        assertEquals(Optional.empty(), throttle.wait("bob", "10.0.0.3", now), "others are not affected");
    }

    @Test
    void theLockNeverExceedsFifteenMinutes() {
        Optional<Duration> last = Optional.empty();
        for (int i = 0; i < 40; i++) {
            last = throttle.failed("ann", "10.0.0." + i, now);
            now += 1_000;
        }
        assertEquals(Optional.of(Duration.ofMinutes(15)), last);
    }

    @Test
    void aGoodLoginClearsTheUserButNotTheAddress() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("ann", "10.0.0.1", now);
        }
        throttle.succeeded("ann");
        assertEquals(Optional.empty(), throttle.failed("ann", "10.0.0.1", now), "counting starts again");
        for (int i = 0; i < 15; i++) {
            throttle.failed("user" + i, "10.0.0.1", now);
        }
        // 5 + 15 = 20 failures from the address, across 16 user ids: the address is locked
        assertEquals(Optional.of(Duration.ofSeconds(30)), throttle.wait("carol", "10.0.0.1", now));
        assertEquals(Optional.empty(), throttle.wait("carol", "10.0.0.9", now), "carol from elsewhere may try");
    }

    @Test
    void anAddressThatMustNotBeLockedCountsOnlyTheUserId() {
        for (int i = 0; i < 30; i++) {
            throttle.failed("user" + i, null, now);
        }
        assertEquals(Optional.empty(), throttle.wait("carol", null, now), "thirty user ids, one failure each");
    }

    @Test
    void failuresAreForgottenAfterAnHourWithoutAnother() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("ann", "10.0.0.1", now);
        }
        now += Duration.ofHours(1).toMillis() + 1;
        assertEquals(Optional.empty(), throttle.failed("ann", "10.0.0.1", now), "a fresh first failure");
    }

    @Test
    void memoryIsBoundedByForgettingTheLeastRecentlySeen() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("ann", "10.0.0.1", now);
        }
        for (int i = 0; i < LoginThrottle.TRACKED; i++) {
            throttle.failed("spray" + i, "10.1." + (i / 250) + "." + (i % 250), now);
        }
        // ann's four failures were pushed out; a fifth is then a first
        assertEquals(Optional.empty(), throttle.failed("ann", "10.0.0.1", now));
        assertTrue(throttle.wait("spray" + (LoginThrottle.TRACKED - 1), "x", now).isEmpty());
    }
}
