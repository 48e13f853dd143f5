package dev.spinetrack.server.program;

import dev.spinetrack.protocol.gatt.DeviceKind;
import dev.spinetrack.protocol.region.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgramCatalogTest {

    private static final String MINE = """
            {"id": "mine", "name": "Mine", "device": "RACK", "steps": [
              {"id": "lie", "title": "Lie", "kind": "decompress", "regions": ["LUMBAR_LEFT"], "duration": 30}]}
            """;

    @Test
    void bundlesTheThreeStepMethodAndRackDecompression() {
        ProgramCatalog catalog = ProgramCatalog.load(null);
        List<String> ids = catalog.list().stream().map(Program::id).toList();
        assertEquals(List.of("massage-routine", "three-step-ball", "three-step-rack", "rack-decompression"), ids);

        Program threeStep = catalog.get("three-step-ball").orElseThrow();
        List<StepKind> kinds = threeStep.steps().stream().map(ProgramStep::kind).distinct().toList();
        assertEquals(List.of(StepKind.MASSAGE, StepKind.MOBILIZE, StepKind.STRENGTHEN), kinds,
                "massage first, then mobilize, then strengthen");
        ProgramStep massage = threeStep.steps().get(0);
        assertEquals(2, massage.rounds());
        assertTrue(massage.workMs() >= 120_000 && massage.workMs() <= 240_000, "2-4 minutes per side");
        assertTrue(massage.bothSides());
        for (ProgramStep s : threeStep.steps()) {
            if (s.kind() == StepKind.MOBILIZE) {
                assertTrue(s.sets() >= 2 && s.sets() <= 3 && s.reps() >= 6 && s.reps() <= 10, s.id());
            }
        }

        Program rack = catalog.get("rack-decompression").orElseThrow();
        assertEquals(DeviceKind.RACK, rack.device());
        assertEquals(List.of(Region.CERVICOTHORACIC_LEFT, Region.UPPER_THORACIC_LEFT, Region.MID_THORACIC_LEFT,
                        Region.LOWER_THORACIC_LEFT, Region.LUMBAR_LEFT),
                rack.steps().stream().map(s -> s.regions().get(0)).toList(), "along the spine, neck down");
    }

    @Test
    void loadsUserFilesAndReportsBadOnesWithoutLosingTheRest(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("mine.json"), MINE);
        Files.writeString(dir.resolve("broken.yaml"), "id: broken\nname: B\ndevice: BALL\nsteps: [{id: s}]\n");
        Files.writeString(dir.resolve("z-clash.yaml"), MINE.replace("\"Mine\"", "\"Other\""));
        Files.writeString(dir.resolve("notes.txt"), "not a program");

        ProgramCatalog catalog = ProgramCatalog.load(dir);
        assertEquals("Mine", catalog.get("mine").orElseThrow().name());
        assertEquals("mine.json", catalog.get("mine").orElseThrow().source());
        assertFalse(catalog.get("broken").isPresent());
        assertEquals(5, catalog.size());
        assertTrue(catalog.loadErrors().stream().anyMatch(e -> e.source().equals("broken.yaml")
                && e.path().equals("steps[0] (s).title") && e.message().equals("is required")), catalog.loadErrors().toString());
        assertTrue(catalog.loadErrors().stream().anyMatch(e -> e.source().equals("z-clash.yaml")
                && e.message().equals("program id 'mine' is already used by mine.json")), catalog.loadErrors().toString());
    }

    @Test
    void uploadsAreValidatedStoredAndSurviveARestart(@TempDir Path dir) throws Exception {
        ProgramCatalog catalog = ProgramCatalog.load(dir.resolve("programs"));
        Program added = catalog.add("upload.json", MINE, true);
        assertEquals("mine.json", added.source());
        assertEquals(MINE, Files.readString(dir.resolve("programs/mine.json")));

        ProgramCatalog reloaded = ProgramCatalog.load(dir.resolve("programs"));
        assertEquals(added, reloaded.get("mine").orElseThrow());
    }

    @Test
    void anUploadCannotReplaceABundledProgramOrBeInvalid(@TempDir Path dir) {
        ProgramCatalog catalog = ProgramCatalog.load(dir);
        ProgramFormatException clash = assertThrows(ProgramFormatException.class,
                () -> catalog.add("x.json", MINE.replace("\"mine\"", "\"massage-routine\""), true));
        assertEquals("program id 'massage-routine' belongs to a bundled program; choose another id",
                clash.errors().get(0).message());
        ProgramFormatException invalid = assertThrows(ProgramFormatException.class,
                () -> catalog.add("x.json", MINE.replace("30}", "-5}"), true));
        assertEquals("steps[0] (lie).duration", invalid.errors().get(0).path());
        assertEquals(4, catalog.size(), "nothing was added");
    }
}
