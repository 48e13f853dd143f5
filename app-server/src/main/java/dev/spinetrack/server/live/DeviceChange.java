package dev.spinetrack.server.live;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Payload of a {@code status} live event: a device as it is after its state, info or owner
 * changed, with the fields the dashboard shows for it (the same names as the API's device view).
 * The owner lets a user's stream of all their devices pass on only their own.
 *
 * @param id       device id
 * @param owner    owning user
 * @param name     advertised name, null until its info arrived
 * @param kind     RACK or BALL, null until its info arrived
 * @param state    ONLINE, OFFLINE or LOST, null until a status arrived
 * @param battery  percent, or null
 * @param lastSeen server time of its last message, epoch ms
 */
@Serdeable
public record DeviceChange(String id, String owner, @Nullable String name, @Nullable String kind,
                           @Nullable String state, @Nullable Integer battery, @Nullable Long lastSeen) {

    /** Whether a live message is a device change of one of the user's devices. */
    public static boolean ofOwner(Object message, String user) {
        return message instanceof LiveEvent e && e.payload() instanceof DeviceChange d && d.owner().equals(user);
    }
}
