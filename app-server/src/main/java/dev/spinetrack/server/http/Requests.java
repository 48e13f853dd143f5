package dev.spinetrack.server.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

/** The API's request bodies. */
public final class Requests {

    private Requests() {
    }

    /**
     * Start a session.
     *
     * @param device device id, 12 lower-case hex digits
     */
    @Serdeable
    public record StartSession(@NotBlank @Pattern(regexp = "[0-9a-f]{12}", message = "must be 12 lower-case hex digits")
                               String device) {
    }

    /**
     * Tag the region a ball works on.
     *
     * @param region region id, e.g. MID_THORACIC_LEFT
     * @param at     device time from which the tag holds, epoch ms; now when absent
     */
    @Serdeable
    public record TagRegion(@NotBlank String region, @Nullable @PositiveOrZero Long at) {
    }

    /**
     * Set the target band.
     *
     * @param low  lower bound, device unit
     * @param high upper bound, device unit
     */
    @Serdeable
    public record SetBand(@NotNull @PositiveOrZero Double low, @NotNull @PositiveOrZero Double high) {
    }

    /**
     * Give a device to another user.
     *
     * @param user the new owner
     */
    @Serdeable
    public record TransferDevice(@NotBlank @Pattern(regexp = "[A-Za-z0-9_.-]{1,64}",
            message = "must be 1-64 letters, digits, '_', '.' or '-'") String user) {
    }
}
