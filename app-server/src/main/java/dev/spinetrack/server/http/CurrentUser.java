package dev.spinetrack.server.http;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.util.regex.Pattern;

/**
 * Who is asking: the {@code X-SpineTrack-User} header, or the configured default user. There is
 * no authentication yet; the header gives isolation between users, not security.
 */
@Singleton
public class CurrentUser {

    /** The header naming the user. */
    public static final String HEADER = "X-SpineTrack-User";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final String defaultUser;

    public CurrentUser(@Value("${spinetrack.users.default-user:demo}") String defaultUser) {
        this.defaultUser = defaultUser;
    }

    /** The user id of a request's header value (null or blank: the default user). */
    public String resolve(String header) {
        if (header == null || header.isBlank()) {
            return defaultUser;
        }
        if (!ID.matcher(header).matches()) {
            throw new BadRequestException(HEADER, "must be 1-64 letters, digits, '_', '.' or '-'");
        }
        return header;
    }

    /** Checks a device id path variable. */
    public static String deviceId(String id) {
        if (id == null || !dev.spinetrack.protocol.mqtt.Topics.validDeviceId(id)) {
            throw new BadRequestException("id", "a device id is 12 lower-case hex digits");
        }
        return id;
    }
}
