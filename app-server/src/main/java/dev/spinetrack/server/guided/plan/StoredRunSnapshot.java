package dev.spinetrack.server.guided.plan;

import dev.spinetrack.protocol.region.Side;
import dev.spinetrack.server.program.RepAxis;

import java.util.List;

/**
 * The view of a stored run whose progress cannot be resumed here (its program is unknown on this
 * server or changed): its state, program and step results are all there is to show.
 */
public final class StoredRunSnapshot {

    private StoredRunSnapshot() {
    }

    /**
     * The snapshot: every step counted as done, nothing current.
     *
     * @param running     whether the run is still running
     * @param programName the program's name, or its id when the program is unknown
     */
    public static GuideSnapshot of(boolean running, String programId, String programName, List<StepResult> results) {
        return new GuideSnapshot(running ? SessionState.RUNNING : SessionState.FINISHED, programId, programName,
                results.size(), results.size(), null, null, null, null, 0, 0, 0, 0, Side.NONE, List.of(), null, 0, -1,
                0, 0, RepAxis.NONE, null, 0, null, results);
    }
}
