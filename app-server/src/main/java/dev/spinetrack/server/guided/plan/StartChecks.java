package dev.spinetrack.server.guided.plan;

import dev.spinetrack.server.program.Program;

import java.util.List;
import java.util.Optional;

/**
 * Whether a guided session may start: the program must exist and be written for the device's
 * kind, the device must have described itself, and one guided session runs on a device at a
 * time unless the start asks to replace it. Returns the refusal, worded for the user.
 */
public final class StartChecks {

    private StartChecks() {
    }

    /**
     * Why a start is refused.
     *
     * @param field    the request field at fault
     * @param reason   what to tell the user
     * @param conflict whether it clashes with the device's state (409) rather than being malformed (400)
     * @param running  the guided session in the way, when that is the conflict; null otherwise
     */
    public record Refusal(String field, String reason, boolean conflict, Long running) {
    }

    /**
     * Why {@code program} cannot start on the device, or empty when it can.
     *
     * @param program    the program asked for, empty when unknown
     * @param known      ids of the programs there are (named when the one asked for is unknown)
     * @param deviceKind the device's kind as stored ({@code RACK}, {@code BALL}), null before its info arrived
     */
    public static Optional<Refusal> refusal(String programId, Optional<Program> program, List<String> known,
                                            String deviceId, String deviceKind) {
        if (program.isEmpty()) {
            return Optional.of(new Refusal("program", "no program '" + programId + "'; known: " + known, false, null));
        }
        if (deviceKind == null) {
            return Optional.of(new Refusal("device", "device " + deviceId + " has not described itself yet (no info)",
                    true, null));
        }
        String programKind = program.get().device().name();
        if (!programKind.equals(deviceKind)) {
            return Optional.of(new Refusal("program", "program '" + programId + "' is for a " + programKind.toLowerCase()
                    + ", device " + deviceId + " is a " + deviceKind.toLowerCase(), false, null));
        }
        return Optional.empty();
    }

    /**
     * Why a start is refused while a guided session runs on the device, or empty when none runs or
     * the start replaces it.
     *
     * @param running the guided session running on the device, or null
     */
    public static Optional<Refusal> whileRunning(String deviceId, Long running, boolean replace) {
        if (running == null || replace) {
            return Optional.empty();
        }
        return Optional.of(new Refusal("device", "guided session " + running + " is running on device " + deviceId
                + "; stop it, or start with replace: true to stop it and start anew", true, running));
    }
}
