package dev.spinetrack.simulator.scenario;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScenarioCatalogTest {

    private static ScenarioException invalid(String yaml) {
        return assertThrows(ScenarioException.class,
                () -> ScenarioCatalog.parse(yaml.getBytes(StandardCharsets.UTF_8), "test.yaml"));
    }

    @Test
    void bundledScenariosFollowTheMethod() {
        Scenario massage = ScenarioCatalog.load("massage");
        long tenderHolds = massage.devices().get(0).script().stream().filter(s -> s.kind() == Activity.HOLD).count();
        assertEquals(4, tenderHolds, "two tender spots, each held in both rounds");
        Scenario mobilization = ScenarioCatalog.load("mobilization");
        var sets = mobilization.devices().get(0).script().stream().filter(s -> s.kind().isExercise()).toList();
        assertEquals(6, sets.size(), "3 sets of cat-cow, 3 of kneeling twist");
        assertTrue(sets.stream().allMatch(s -> s.reps() >= 6 && s.reps() <= 10));
        assertTrue(ScenarioCatalog.load("studio").devices().size() >= 3);
        assertTrue(ScenarioCatalog.load("rack-decompression").devices().get(0).script().stream()
                .anyMatch(s -> s.kind() == Activity.REST), "pauses between levels");
    }

    @Test
    void loadsAUserJsonFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mine.json");
        Files.writeString(file, """
                {"name": "mine", "devices": [{"kind": "BALL", "script": [
                  {"do": "hold", "region": "upper_thoracic_right", "seconds": 5, "pressure": 20}]}]}
                """);
        Scenario s = ScenarioCatalog.load(file.toString());
        assertEquals("mine", s.name());
        assertEquals(5000, s.durationMs());
        assertEquals(Scenario.DEFAULT_START_EPOCH_MS, s.startEpoch());
    }

    @Test
    void loadSpecBuildsNDevicesAtRHz() {
        Scenario s = ScenarioCatalog.load("load:6x100");
        assertEquals(6, s.devices().size());
        assertTrue(s.devices().stream().allMatch(d -> d.initialRateHz() == 100));
        assertEquals(60_000, s.durationMs());
        assertEquals(8_000, ScenarioCatalog.load("load:2x20x8s").durationMs());
        assertThrows(ScenarioException.class, () -> ScenarioCatalog.load("load:2x5000"));
    }

    @Test
    void problemsAreNamedWithTheirPlace() {
        String msg = invalid("""
                name: bad
                devices:
                  - kind: RACK
                    script:
                      - {do: roll, region: MID_THORACIC_LEFT, seconds: 10}
                      - {do: lie, seconds: 10}
                      - {do: jump, seconds: 3}
                  - kind: BALL
                    rateHz: 5000
                    script:
                      - {do: hold, region: NECK, seconds: 0}
                      - {do: cat-cow, seconds: 3, reps: 10}
                faults:
                  - {type: drop, percent: 150}
                  - {type: meteor}
                """).getMessage();
        assertTrue(msg.contains("devices[0].script[0]: 'roll' is a ball step"), msg);
        assertTrue(msg.contains("devices[0].script[1].level: a lie needs the spinal level"), msg);
        assertTrue(msg.contains("devices[0].script[2].do: activity 'jump' is not one of"), msg);
        assertTrue(msg.contains("devices[1].rateHz: 5000 outside"), msg);
        assertTrue(msg.contains("devices[1].script[0].seconds: must be > 0"), msg);
        assertTrue(msg.contains("devices[1].script[0].region: 'NECK' is not a region"), msg);
        assertTrue(msg.contains("devices[1].script[1]: 10 reps in 3.0 s"), msg);
        assertTrue(msg.contains("faults[0]: drop needs percent in [0, 100]"), msg);
        assertTrue(msg.contains("faults[1]: type 'meteor'"), msg);
    }

    @Test
    void unknownFieldsAndBrokenSyntaxAreReported() {
        assertTrue(invalid("name: x\ndevice: []\n").getMessage().contains("unknown field 'device'"));
        assertTrue(invalid("name: [x\n").getMessage().contains("not valid YAML/JSON"));
        assertTrue(invalid("name: x\n").getMessage().contains("at least one device"));
        String wrongType = invalid("name: x\ndevices:\n  - kind: BALL\n    script:\n      - {do: hold, seconds: soon}\n")
                .getMessage();
        assertTrue(wrongType.contains("test.yaml: devices[0].script[0].seconds: "), wrongType);
        assertTrue(invalid("name: x\nname: y\n").getMessage().contains("not valid YAML/JSON"), "duplicate keys");
        ScenarioException missing = assertThrows(ScenarioException.class, () -> ScenarioCatalog.load("/no/such.yaml"));
        assertTrue(missing.getMessage().contains("no such file"), missing.getMessage());
    }
}
