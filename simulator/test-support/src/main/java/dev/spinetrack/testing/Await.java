package dev.spinetrack.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Polls a condition until it holds. The limit only bounds a broken run (generous, never a
 * measured time); when it passes, the test fails with what it waited for and, when given, the
 * state seen last.
 */
public final class Await {

    private static final long POLL_MS = 10;

    private Await() {
    }

    /** Waits until {@code condition} holds; fails with "timed out waiting until {what}" after {@code limit}. */
    public static void until(String what, Duration limit, BooleanSupplier condition) {
        until(what, limit, condition, () -> "");
    }

    /** As {@link #until(String, Duration, BooleanSupplier)}, with the state to report on failure. */
    public static void until(String what, Duration limit, BooleanSupplier condition, Supplier<String> state) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                String seen = state.get();
                throw new AssertionError("timed out after " + limit + " waiting until " + what
                        + (seen.isEmpty() ? "" : "; state: " + seen));
            }
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting until " + what, e);
            }
        }
    }

    /** As the gateway's tests say it: a limit, a condition and the state to report. */
    public static void until(Duration limit, BooleanSupplier condition, Supplier<String> state) {
        until("the condition holds", limit, condition, state);
    }
}
