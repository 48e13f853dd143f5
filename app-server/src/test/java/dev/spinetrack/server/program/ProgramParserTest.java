package dev.spinetrack.server.program;

import dev.spinetrack.protocol.gatt.DeviceKind;
import dev.spinetrack.protocol.gatt.PressureUnit;
import dev.spinetrack.protocol.region.Region;
import dev.spinetrack.server.engine.band.PressureBand;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgramParserTest {

    private static final String YAML = """
            id: my-massage
            name: My massage
            device: BALL
            steps:
              - id: mid
                title: Mid back
                kind: massage
                regions: [MID_THORACIC_LEFT, LOWER_THORACIC_LEFT]
                sides: both
                rounds: 2
                duration: 120
                band: {low: 10, high: 25}
                rest: 20
                dwellTarget: 30
              - id: cat-cow
                title: Cat-cow
                kind: mobilize
                repAxis: pitch
                sets: 3
                reps: 8
                repDetection: {minAmplitude: 12, minSeconds: 1.5, maxSeconds: 10}
            """;

    private static final String JSON = """
            {"id": "my-massage", "name": "My massage", "device": "BALL", "steps": [
              {"id": "mid", "title": "Mid back", "kind": "massage",
               "regions": ["MID_THORACIC_LEFT", "LOWER_THORACIC_LEFT"], "sides": "both", "rounds": 2,
               "duration": 120, "band": {"low": 10, "high": 25}, "rest": 20, "dwellTarget": 30},
              {"id": "cat-cow", "title": "Cat-cow", "kind": "mobilize", "repAxis": "pitch", "sets": 3, "reps": 8,
               "repDetection": {"minAmplitude": 12, "minSeconds": 1.5, "maxSeconds": 10}}]}
            """;

    @Test
    void readsEveryFieldOfAYamlProgram() throws Exception {
        Program p = ProgramParser.parse("my.yaml", YAML);
        assertEquals("my-massage", p.id());
        assertEquals(DeviceKind.BALL, p.device());
        ProgramStep mid = p.steps().get(0);
        assertEquals(StepKind.MASSAGE, mid.kind());
        assertEquals(List.of(Region.MID_THORACIC_LEFT, Region.LOWER_THORACIC_LEFT), mid.regions());
        assertTrue(mid.bothSides());
        assertEquals(2, mid.rounds());
        assertEquals(120_000, mid.workMs());
        assertEquals(new PressureBand(10, 25, PressureUnit.KILOPASCAL), mid.band());
        assertEquals(20_000, mid.restMs());
        assertEquals(30_000, mid.dwellTargetMs());
        ProgramStep catCow = p.steps().get(1);
        assertEquals(RepAxis.PITCH, catCow.repAxis());
        assertEquals(3, catCow.sets());
        assertEquals(8, catCow.reps());
        assertEquals(new RepDetection(12, 1500, 10_000), catCow.repDetection());
    }

    @Test
    void jsonAndYamlOfTheSameProgramAreEqual() throws Exception {
        Program y = ProgramParser.parse("x", YAML);
        Program j = ProgramParser.parse("x", JSON);
        assertEquals(y, j);
    }

    @Test
    void namesFileStepAndFieldOfEveryError() {
        String bad = YAML.replace("MID_THORACIC_LEFT, LOWER", "MID_THORAX_LEFT, LOWER")
                .replace("reps: 8", "reps: 0").replace("high: 25", "high: 5");
        ProgramFormatException e = assertThrows(ProgramFormatException.class, () -> ProgramParser.parse("bad.yaml", bad));
        List<String> messages = e.errors().stream().map(ProgramError::toString).toList();
        assertTrue(messages.contains("bad.yaml: steps[0] (mid).regions[0]: unknown region 'MID_THORAX_LEFT'; known: "
                + List.of(Region.values())), messages.toString());
        assertTrue(messages.contains("bad.yaml: steps[1] (cat-cow).reps: must be a whole number in [1, 100], was 0"),
                messages.toString());
        assertTrue(messages.contains("bad.yaml: steps[0] (mid).band.high: must be above low 10, was 5"),
                messages.toString());
    }

    @Test
    void rejectsStructuralMistakes() {
        assertError("""
                id: x
                name: X
                device: BALL
                steps:
                  - {id: a, title: A, kind: massage, regions: [LUMBAR_LEFT]}
                """, "steps[0] (a).duration", "a massage step needs a duration in seconds");
        assertError("""
                id: x
                name: X
                device: BALL
                steps:
                  - {id: a, title: A, kind: mobilize, sets: 2, reps: 5, duration: 30}
                """, "steps[0] (a).duration", "a mobilize step counts reps: give sets and reps, not duration");
        assertError("""
                id: x
                name: X
                device: RACK
                steps:
                  - {id: a, title: A, kind: decompress, regions: [LUMBAR_LEFT], duration: 30, band: {low: 1, high: 2, unit: kPa}}
                """, "steps[0] (a).band.unit", "a rack measures in N, was 'kPa'");
        assertError("""
                id: x
                name: X
                device: BALL
                steps:
                  - {id: a, title: A, kind: strengthen, sets: 2, reps: 5}
                  - {id: a, title: B, kind: strengthen, sets: 2, reps: 5}
                """, "steps[1] (a).id", "duplicate step id 'a'");
        assertError("""
                id: x
                name: X
                device: BALL
                steps:
                  - {id: a, title: A, kind: strengthen, sets: 2, reps: 5, repAxis: pitch}
                """, "steps[0] (a).repAxis", "strengthening reps are logged, not sensed: leave repAxis out");
        assertError("""
                id: x
                name: X
                device: BALL
                steps:
                  - {id: a, title: A, kind: strengthen, sets: "2", reps: 5, colour: red}
                """, "steps[0] (a).sets", "must be a whole number in [1, 20], was '2'");
        assertError("id: x\nname: X\ndevice: BALL\nsteps: []\n", "steps", "must be a non-empty list of steps");
        assertError("id: Bad Id\nname: X\ndevice: BALL\nsteps: []\n", "id",
                "must be 1-40 characters of a-z, 0-9 and '-', starting with a letter or digit, was 'Bad Id'");
        assertError("id: x\nname: X\ndevice: TOASTER\nsteps: []\n", "device", "must be one of rack, ball, was 'TOASTER'");
        assertError("- just\n- a list\n", "", "document must be a mapping with id, name, device and steps");
        assertError("   ", "", "document is empty");
    }

    @Test
    void unknownFieldsAreNamedSoTyposAreCaught() {
        ProgramFormatException e = assertThrows(ProgramFormatException.class, () -> ProgramParser.parse("t.yaml",
                YAML.replace("rest: 20", "rset: 20")));
        assertEquals("steps[0] (mid).rset", e.errors().get(0).path());
        assertTrue(e.errors().get(0).message().startsWith("unknown field; expected one of"));
    }

    @Test
    void malformedYamlReportsLineAndColumn() {
        ProgramFormatException e = assertThrows(ProgramFormatException.class,
                () -> ProgramParser.parse("broken.yaml", "id: x\nname: [unclosed\ndevice: BALL\n"));
        assertEquals(1, e.errors().size());
        assertTrue(e.errors().get(0).path().startsWith("line "), e.errors().toString());
        assertTrue(e.errors().get(0).message().startsWith("not valid YAML or JSON"), e.errors().toString());
    }

    @Test
    void duplicateKeysAreRejected() {
        ProgramFormatException e = assertThrows(ProgramFormatException.class,
                () -> ProgramParser.parse("dup.yaml", "id: x\nid: y\nname: X\ndevice: BALL\nsteps: []\n"));
        assertTrue(e.getMessage().contains("not valid YAML or JSON"), e.getMessage());
    }

    private static void assertError(String doc, String path, String message) {
        ProgramFormatException e = assertThrows(ProgramFormatException.class, () -> ProgramParser.parse("t.yaml", doc));
        assertTrue(e.errors().contains(new ProgramError("t.yaml", path, message)),
                "expected " + path + ": " + message + " in " + e.errors());
    }
}
