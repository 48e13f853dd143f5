package dev.spinetrack.server.program;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every program the server offers: the bundled ones (resources {@code programs/}, listed in
 * {@code programs/index.txt}) and the user's own YAML or JSON files in a directory. A user
 * file that does not validate is skipped and reported in {@link #loadErrors()}; it never hides
 * the other programs. Uploads are validated, then written to the user directory, so they
 * survive a restart.
 */
public final class ProgramCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(ProgramCatalog.class);
    private static final String BUNDLED_INDEX = "programs/index.txt";

    private final Path userDir;
    private final Map<String, Program> programs = new LinkedHashMap<>();
    private final List<ProgramError> loadErrors = new ArrayList<>();

    private ProgramCatalog(Path userDir) {
        this.userDir = userDir;
    }

    /**
     * Loads the bundled programs and, when {@code userDir} is non-null and exists, every
     * {@code *.yaml}, {@code *.yml} and {@code *.json} file in it.
     */
    public static ProgramCatalog load(Path userDir) {
        ProgramCatalog catalog = new ProgramCatalog(userDir);
        for (String name : bundledNames()) {
            String text = resource("programs/" + name);
            try {
                Program p = ProgramParser.parse("bundled:" + name, text);
                catalog.programs.put(p.id(), p);
            } catch (ProgramFormatException e) {
                throw new IllegalStateException("bundled program is invalid: " + e.getMessage(), e);
            }
        }
        if (userDir != null && Files.isDirectory(userDir)) {
            try (Stream<Path> files = Files.list(userDir)) {
                files.filter(ProgramCatalog::isProgramFile).sorted(Comparator.comparing(Path::toString))
                        .forEach(catalog::loadUserFile);
            } catch (IOException e) {
                catalog.loadErrors.add(new ProgramError(userDir.toString(), "", "cannot list directory: " + e.getMessage()));
            }
        }
        return catalog;
    }

    private void loadUserFile(Path file) {
        String name = file.getFileName().toString();
        try {
            Program p = ProgramParser.parse(name, Files.readString(file, StandardCharsets.UTF_8));
            Program existing = programs.get(p.id());
            if (existing != null) {
                loadErrors.add(new ProgramError(name, "id", "program id '" + p.id() + "' is already used by "
                        + existing.source()));
                LOG.warn("program file {} skipped: id {} already used by {}", name, p.id(), existing.source());
                return;
            }
            programs.put(p.id(), p);
            LOG.info("program {} loaded from {}", p.id(), file);
        } catch (ProgramFormatException e) {
            loadErrors.addAll(e.errors());
            LOG.warn("program file {} skipped: {}", name, e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            loadErrors.add(new ProgramError(name, "", "cannot read: " + e.getMessage()));
            LOG.warn("program file {} skipped: cannot read: {}", name, e.getMessage());
        }
    }

    private static boolean isProgramFile(Path p) {
        String n = p.getFileName().toString().toLowerCase();
        return Files.isRegularFile(p) && (n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json"));
    }

    /** Every program, bundled first, in load order. */
    public synchronized List<Program> list() {
        return List.copyOf(programs.values());
    }

    /** The program with an id. */
    public synchronized Optional<Program> get(String id) {
        return Optional.ofNullable(programs.get(id));
    }

    /** User files that were skipped at load, with their reasons. */
    public synchronized List<ProgramError> loadErrors() {
        return List.copyOf(loadErrors);
    }

    /**
     * Validates and stores a user program. The text is kept as given, in
     * {@code <userDir>/<id>.yaml} or {@code .json} (by {@code json}).
     *
     * @throws ProgramFormatException when invalid, or when its id is taken by a bundled program
     *                                or by a user program from another file
     */
    public synchronized Program add(String uploadName, String text, boolean json) throws ProgramFormatException {
        Program parsed = ProgramParser.parse(uploadName, text);
        Program existing = programs.get(parsed.id());
        if (existing != null && existing.source().startsWith("bundled:")) {
            throw new ProgramFormatException(List.of(new ProgramError(uploadName, "id",
                    "program id '" + parsed.id() + "' belongs to a bundled program; choose another id")));
        }
        String fileName = parsed.id() + (json ? ".json" : ".yaml");
        Program stored = new Program(parsed.id(), parsed.name(), parsed.description(), parsed.device(),
                parsed.steps(), userDir == null ? uploadName : fileName);
        if (userDir != null) {
            try {
                Files.createDirectories(userDir);
                Path tmp = Files.createTempFile(userDir, parsed.id(), ".tmp");
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                Files.move(tmp, userDir.resolve(fileName), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot store program " + parsed.id() + " in " + userDir, e);
            }
        }
        programs.put(stored.id(), stored);
        LOG.info("program {} added from upload {}", stored.id(), uploadName);
        return stored;
    }

    /** Number of programs. */
    public synchronized int size() {
        return programs.size();
    }

    private static List<String> bundledNames() {
        return resource(BUNDLED_INDEX).lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
    }

    private static String resource(String name) {
        try (InputStream in = ProgramCatalog.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled resource " + name, e);
        }
    }
}
