package dev.spinetrack.server.http;

import dev.spinetrack.server.program.ProgramCatalog;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/** The program catalog: bundled programs plus the user's files in {@code spinetrack.programs.dir}. */
@Factory
public class ProgramCatalogFactory {

    private static final Logger LOG = LoggerFactory.getLogger(ProgramCatalogFactory.class);

    @Singleton
    ProgramCatalog programCatalog(@Value("${spinetrack.programs.dir:}") String programsDir,
                                  @Value("${spinetrack.data-dir:./data}") String dataDir) {
        Path dir = programsDir.isBlank() ? Path.of(dataDir, "programs") : Path.of(programsDir);
        ProgramCatalog catalog = ProgramCatalog.load(dir);
        LOG.info("{} programs ({} user files skipped) from the bundle and {}", catalog.size(),
                catalog.loadErrors().stream().map(e -> e.source()).distinct().count(), dir);
        return catalog;
    }
}
