package dev.spinetrack.server.http;

import dev.spinetrack.server.security.Gateway;
import dev.spinetrack.server.security.Gateways;
import dev.spinetrack.server.session.NotFoundException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

/**
 * The calling user's gateways and their MQTT credentials. Devices a gateway brings first
 * belong to its owner; data for someone else's device from it is refused.
 */
@Controller("/api/gateways")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "gateways")
public class GatewayController {

    private final Gateways gateways;

    public GatewayController(Gateways gateways) {
        this.gateways = gateways;
    }

    /**
     * A gateway to register.
     *
     * @param id its id: MQTT user name and topic segment
     */
    @Serdeable
    public record NewGateway(@Nullable String id) {
    }

    /**
     * MQTT credentials of a gateway, shown once.
     *
     * @param id       user name (and gateway id)
     * @param password the secret; store it in the gateway's environment or config file
     */
    @Serdeable
    public record Credentials(String id, String password) {
    }

    @Get
    @Operation(summary = "My gateways")
    public List<Gateway> list(Authentication auth) {
        return gateways.of(auth.getName());
    }

    @Post
    @Operation(summary = "Register a gateway; the response holds its MQTT password, shown only now")
    public HttpResponse<Credentials> register(Authentication auth, @Body NewGateway body) {
        try {
            return HttpResponse.created(new Credentials(body.id(), gateways.register(auth.getName(), body.id())));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("id", e.getMessage());
        }
    }

    @Post("/{id}/secret")
    @Operation(summary = "Give one of my gateways a new MQTT password (the old one stops working)")
    public Credentials rotate(Authentication auth, String id) {
        return gateways.rotate(auth.getName(), id).map(s -> new Credentials(id, s))
                .orElseThrow(() -> new NotFoundException("gateway", id));
    }

    @Delete("/{id}")
    @Operation(summary = "Remove one of my gateways; its data is refused from then on")
    public HttpResponse<?> delete(Authentication auth, String id) {
        if (!gateways.delete(auth.getName(), id)) {
            throw new NotFoundException("gateway", id);
        }
        return HttpResponse.noContent();
    }
}
