package dev.spinetrack.server.http;

import dev.spinetrack.server.program.Program;
import dev.spinetrack.server.program.ProgramCatalog;
import dev.spinetrack.server.program.ProgramError;
import dev.spinetrack.server.program.ProgramFormatException;
import dev.spinetrack.server.program.ProgramParser;
import dev.spinetrack.server.security.ProgramOwners;
import dev.spinetrack.server.session.NotFoundException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.Operation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Guided programs: the bundled ones (read-only for everybody) and the caller's own uploads
 * (visible to and replaceable by their author only).
 */
@Secured(SecurityRule.IS_AUTHENTICATED)
@Controller("/api/programs")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ProgramController {

    private static final Logger LOG = LoggerFactory.getLogger(ProgramController.class);

    private final ProgramCatalog catalog;
    private final CurrentUser users;
    private final ProgramOwners owners;

    public ProgramController(ProgramCatalog catalog, CurrentUser users, ProgramOwners owners) {
        this.catalog = catalog;
        this.users = users;
        this.owners = owners;
    }

    @Get
    @Operation(summary = "The bundled programs and the caller's own, bundled first")
    public List<Program> list(Authentication user) {
        String who = users.resolve(user);
        return catalog.list().stream().filter(p -> owners.visible(p.id(), who)).toList();
    }

    @Get("/load-errors")
    @Operation(summary = "User program files that were skipped at start, and why")
    public List<ProgramError> loadErrors() {
        return catalog.loadErrors();
    }

    @Get("/{id}")
    @Operation(summary = "One program with its steps")
    public Program get(Authentication user, String id) {
        String who = users.resolve(user);
        return catalog.get(id).filter(p -> owners.visible(id, who))
                .orElseThrow(() -> new NotFoundException("program", id));
    }

    @Post(consumes = {MediaType.APPLICATION_JSON, "application/yaml", MediaType.APPLICATION_YAML, "text/yaml",
            MediaType.TEXT_PLAIN})
    @Operation(summary = "Add a program from a YAML or JSON document; 400 lists every error with its place")
    public HttpResponse<?> add(Authentication user,
                               @Header("Content-Type") @Nullable String contentType, @Body @Nullable String body) {
        String who = users.resolve(user);
        boolean json = contentType != null && contentType.contains("json");
        try {
            // who may use the id: nobody for a bundled or operator program, its author for an upload
            String id = ProgramParser.parse("upload by " + who, body).id();
            boolean exists = catalog.get(id).isPresent();
            java.util.Optional<String> author = owners.owner(id);
            if (exists && (author.isEmpty() || !author.get().equals(who))) {
                return HttpResponse.status(HttpStatus.BAD_REQUEST).body(new Problem("about:blank", "Bad Request",
                        400, "the program was not added: 1 error(s)", List.of(new FieldProblem("id",
                        "program id '" + id + "' is taken; choose another id"))));
            }
            Program p = catalog.add("upload by " + who, body, json);
            owners.claim(p.id(), who);
            return HttpResponse.created(p);
        } catch (ProgramFormatException e) {
            LOG.info("Program upload by {} refused: {}", who, e.getMessage());
            List<FieldProblem> errors = e.errors().stream().map(err -> new FieldProblem(err.path(), err.message()))
                    .toList();
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(new Problem("about:blank", "Bad Request", 400,
                    "the program was not added: " + e.errors().size() + " error(s)", errors));
        }
    }
}
