package dev.spinetrack.server.http;

import dev.spinetrack.server.guided.run.GuideRecord;
import dev.spinetrack.server.guided.run.GuideView;
import dev.spinetrack.server.guided.run.GuidedSessions;
import dev.spinetrack.server.security.ProgramOwners;
import dev.spinetrack.server.session.NotFoundException;
import dev.spinetrack.server.engine.tender.TenderTrend;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;

import java.util.List;

/**
 * Guided sessions: start a program on a device, follow it, move it on, log sets and rate tender
 * spots. Every instance sharing the database answers for every run.
 * <p>The view ({@code GuideView}): {@code snapshot.state} is {@code READY} from the start until
 * the device's first sample after it (the snapshot already shows the first block), then
 * {@code RUNNING}, then {@code FINISHED}, with {@code endReason} finished, stopped, replaced,
 * session-ended or cannot-resume. Times in the snapshot ({@code at}, step start and end) are
 * device time; {@code clockSkewMs} is the server clock minus the device clock as measured on live
 * samples. A finished, stopped or fully skipped run frees the device at once. Next, skip and log
 * on a {@code READY} run answer 409 (it waits for the device's first sample).
 */
@Secured(SecurityRule.IS_AUTHENTICATED)
@Controller
public class GuideController {

    private final GuidedSessions guides;
    private final CurrentUser users;

    private final ProgramOwners programOwners;

    public GuideController(GuidedSessions guides, CurrentUser users, ProgramOwners programOwners) {
        this.programOwners = programOwners;
        this.guides = guides;
        this.users = users;
    }

    /**
     * Starts a program on a device and opens a server session for it. The run waits in state
     * READY for the device's first sample after this request (never older ones). While a guided
     * session runs on the device the start is refused with 409 and the running id in the
     * problem's {@code running}, unless the body says {@code "replace": true}, which stops it
     * first (end reason {@code replaced}).
     */
    @Post("/api/guided-sessions")
    @Operation(summary = "Start a program on a device; opens a session for it (409 while one runs, unless replace)")
    public HttpResponse<GuideView> start(Authentication user,
                                         @Body WebRequests.StartGuide body) {
        if (body.device() == null) {
            throw new BadRequestException("device", "is required");
        }
        if (body.program() == null || body.program().isBlank()) {
            throw new BadRequestException("program", "is required");
        }
        String who = users.resolve(user);
        if (!programOwners.visible(body.program(), who)) {
            throw new NotFoundException("program", body.program()); // someone else's upload
        }
        return HttpResponse.created(guides.start(who, CurrentUser.deviceId(body.device()), body.program(),
                Boolean.TRUE.equals(body.replace())));
    }

    @Get("/api/guided-sessions")
    @Operation(summary = "Stored guided sessions with their step results, newest first")
    public List<GuideRecord> history(Authentication user,
                                     @QueryValue @Nullable String device,
                                     @QueryValue(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new BadRequestException("limit", "must be between 1 and 1000");
        }
        return guides.history(users.resolve(user), device == null ? null : CurrentUser.deviceId(device), limit);
    }

    @Get("/api/guided-sessions/{id}")
    @Operation(summary = "A guided session now: step, timer, reps, cues")
    public GuideView get(Authentication user, long id) {
        return guides.get(users.resolve(user), id);
    }

    @Get("/api/devices/{id}/guided-session")
    @Operation(summary = "The device's current guided session")
    public GuideView forDevice(Authentication user, String id) {
        return guides.forDevice(users.resolve(user), CurrentUser.deviceId(id))
                .orElseThrow(() -> new NotFoundException("guided session on device", id));
    }

    @Post("/api/guided-sessions/{id}/next")
    @Operation(summary = "End the current block (timer, set or rest) now")
    public GuideView next(Authentication user, long id) {
        return guides.next(users.resolve(user), id);
    }

    @Post("/api/guided-sessions/{id}/skip")
    @Operation(summary = "Skip the rest of the current step")
    public GuideView skip(Authentication user, long id) {
        return guides.skip(users.resolve(user), id);
    }

    @Post("/api/guided-sessions/{id}/stop")
    @Operation(summary = "Stop the guided session")
    public GuideView stop(Authentication user, long id) {
        return guides.stop(users.resolve(user), id);
    }

    @Post("/api/guided-sessions/{id}/log")
    @Operation(summary = "Log the reps of the current set (strengthening, or a set the sensor missed)")
    public GuideView log(Authentication user, long id, @Body WebRequests.LogSet body) {
        if (body.reps() == null) {
            throw new BadRequestException("reps", "is required");
        }
        return guides.logSet(users.resolve(user), id, body.reps());
    }

    @Post("/api/guided-sessions/{id}/tender")
    @Operation(summary = "Rate a spot's tenderness 0-10; returns the spot's trend")
    public TenderTrend rate(Authentication user, long id, @Body WebRequests.Rate body) {
        if (body.tenderness() == null) {
            throw new BadRequestException("tenderness", "is required, 0..10");
        }
        return guides.rate(users.resolve(user), id, body.region(), body.tenderness());
    }
}
