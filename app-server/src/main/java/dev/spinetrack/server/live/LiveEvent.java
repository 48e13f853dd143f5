package dev.spinetrack.server.live;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A non-sample message on a device's live stream, e.g. session started/stopped or guided-step
 * state published by another module. {@code payload} must be serializable by Micronaut Serde.
 *
 * @param type    event type, e.g. {@code session}, {@code guide}
 * @param device  device id
 * @param session session id, or null
 * @param payload event body
 */
@Serdeable
public record LiveEvent(String type, String device, @Nullable Long session, @Nullable Object payload) {
}
