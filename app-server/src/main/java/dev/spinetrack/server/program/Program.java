package dev.spinetrack.server.program;

import dev.spinetrack.protocol.gatt.DeviceKind;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A guided program: an ordered list of steps for one kind of device.
 *
 * @param id          short id, unique in the catalog (e.g. {@code three-step-ball})
 * @param name        for people
 * @param description for people (may be empty)
 * @param device      the device kind the program is written for (bands are in its unit)
 * @param steps       at least one step, ids unique
 * @param source      where it came from: {@code bundled:...} or a file name
 */
public record Program(String id, String name, String description, DeviceKind device, List<ProgramStep> steps,
                      String source) {
    public Program {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(source, "source");
        description = description == null ? "" : description;
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("program " + id + " has no steps");
        }
        Set<String> ids = new HashSet<>();
        for (ProgramStep s : steps) {
            if (!ids.add(s.id())) {
                throw new IllegalArgumentException("program " + id + " has two steps with id " + s.id());
            }
        }
    }

    /** The step with an id, or null. */
    public ProgramStep step(String stepId) {
        return steps.stream().filter(s -> s.id().equals(stepId)).findFirst().orElse(null);
    }
}
