package dev.spinetrack.server.security;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Slows password guessing down: after {@link #FREE_FAILURES} failed logins in a row for one user
 * id, or {@link #FREE_FAILURES_PER_ADDRESS} from one client address (guessing across many user
 * ids), further attempts are refused without checking the password for a lock that starts at
 * {@link #FIRST_LOCK} and doubles with each further failure up to {@link #LONGEST_LOCK}. A
 * success clears the user id's count (not the address's). Failures older than {@link #FORGET}
 * are forgotten. Memory is bounded: at most {@link #TRACKED} keys, the least recently seen go
 * first. A null address (one that must not be locked, such as a reverse proxy's) counts only
 * the user id. Pure and clocked by the caller; thread-safe.
 */
public final class LoginThrottle {

    /** Failed logins in a row a user id gets before it is locked. */
    public static final int FREE_FAILURES = 5;
    /** Failed logins a client address gets, across user ids, before it is locked. */
    public static final int FREE_FAILURES_PER_ADDRESS = 20;
    /** The first lock; each further failure doubles it. */
    public static final Duration FIRST_LOCK = Duration.ofSeconds(30);
    /** The longest lock. */
    public static final Duration LONGEST_LOCK = Duration.ofMinutes(15);
    /** How long a run of failures is remembered without a new one. */
    public static final Duration FORGET = Duration.ofHours(1);
    /** Keys (user ids and addresses) kept at most. */
    static final int TRACKED = 10_000;

    private final Map<String, Failures> failures = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
            return size() > TRACKED;
        }
    };

    private static final class Failures {
        int count;
        long lastMs;
        long lockedUntilMs;
    }

    /**
     * How long the caller must wait before a login of {@code user} from {@code address} is
     * checked at all, or empty when it may be checked now.
     */
    public synchronized Optional<Duration> wait(String user, String address, long nowMs) {
        long until = Math.max(lockedUntil(userKey(user), nowMs),
                address == null ? 0 : lockedUntil(addressKey(address), nowMs));
        return until > nowMs ? Optional.of(Duration.ofMillis(until - nowMs)) : Optional.empty();
    }

    /**
     * Records a wrong password (or unknown user id) for {@code user} from {@code address}.
     *
     * @return the lock this failure set, when it set one
     */
    public synchronized Optional<Duration> failed(String user, String address, long nowMs) {
        long lock = Math.max(fail(userKey(user), FREE_FAILURES, nowMs),
                address == null ? 0 : fail(addressKey(address), FREE_FAILURES_PER_ADDRESS, nowMs));
        return lock > 0 ? Optional.of(Duration.ofMillis(lock)) : Optional.empty();
    }

    /** Records a good login: the user id starts afresh. */
    public synchronized void succeeded(String user) {
        failures.remove(userKey(user));
    }

    private long lockedUntil(String key, long nowMs) {
        Failures f = failures.get(key);
        if (f == null) {
            return 0;
        }
        if (nowMs - f.lastMs > FORGET.toMillis()) {
            failures.remove(key);
            return 0;
        }
        return f.lockedUntilMs;
    }

    /** Counts a failure under {@code key}; returns the lock it set in ms, 0 for none. */
    private long fail(String key, int free, long nowMs) {
        Failures f = failures.get(key);
        if (f == null || nowMs - f.lastMs > FORGET.toMillis()) {
            f = new Failures();
            failures.put(key, f);
        }
        f.count++;
        f.lastMs = nowMs;
        if (f.count >= free) {
            int doublings = Math.min(f.count - free, 20);
            long lock = Math.min(FIRST_LOCK.toMillis() << doublings, LONGEST_LOCK.toMillis());
            f.lockedUntilMs = nowMs + lock;
            return lock;
        }
        return 0;
    }

    private static String userKey(String user) {
        return "user:" + (user == null ? "" : user.trim().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
