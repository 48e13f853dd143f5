package dev.spinetrack.server.http;

import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

/**
 * Who is asking: the account a login session cookie or API token stands for (established by
 * the security filter; every controller is {@code @Secured}).
 */
@Singleton
public class CurrentUser {

    /** The user id of an authenticated request. */
    public String resolve(Authentication authentication) {
        if (authentication == null) {
            // @Secured should have refused the request; never fall back to anybody.
            throw new IllegalStateException("request without authentication reached a controller");
        }
        return authentication.getName();
    }

    /** Checks a device id path variable. */
    public static String deviceId(String id) {
        if (id == null || !dev.spinetrack.protocol.mqtt.Topics.validDeviceId(id)) {
            throw new BadRequestException("id", "a device id is 12 lower-case hex digits");
        }
        return id;
    }
}
