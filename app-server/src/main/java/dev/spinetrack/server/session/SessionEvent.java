package dev.spinetrack.server.session;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Payload of a {@code session} live event.
 *
 * @param state  {@code started} or {@code ended}
 * @param auto   started by contact (else by the API)
 * @param reason why it ended, null on start
 */
@Serdeable
public record SessionEvent(String state, boolean auto, @Nullable String reason) {
}
