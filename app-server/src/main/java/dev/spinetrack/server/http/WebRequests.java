package dev.spinetrack.server.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** Request bodies of the guided-session API. */
public final class WebRequests {

    private WebRequests() {
    }

    /**
     * Start a program on a device.
     *
     * @param device  device id
     * @param program program id
     * @param replace stop the guided session running on the device first (otherwise such a start is
     *                refused with 409 naming it)
     */
    @Serdeable
    public record StartGuide(@Nullable String device, @Nullable String program, @Nullable Boolean replace) {
    }

    /**
     * Log a set.
     *
     * @param reps reps done
     */
    @Serdeable
    public record LogSet(@Nullable Integer reps) {
    }

    /**
     * Rate a spot's tenderness.
     *
     * @param region     region id; the current spot when absent
     * @param tenderness 0..10
     */
    @Serdeable
    public record Rate(@Nullable String region, @Nullable Integer tenderness) {
    }
}
