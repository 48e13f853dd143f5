package dev.spinetrack.server.guided.run;

import dev.spinetrack.server.engine.feedback.SpotDwell;
import dev.spinetrack.server.guided.plan.GuideSnapshot;
import dev.spinetrack.server.guided.plan.GuideProgress;
import dev.spinetrack.server.guided.plan.StepResult;
import dev.spinetrack.server.engine.band.PressureBand;
import dev.spinetrack.server.program.Program;
import dev.spinetrack.server.program.ProgramError;
import dev.spinetrack.server.program.ProgramStep;
import dev.spinetrack.server.program.RepDetection;
import dev.spinetrack.server.engine.tender.TenderRating;
import dev.spinetrack.server.engine.tender.TenderTrend;
import io.micronaut.serde.annotation.SerdeImport;

/**
 * Lets Micronaut Serde write the plain records of the program, guide, feedback and tender
 * packages, which stay free of framework annotations.
 */
@SerdeImport(Program.class)
@SerdeImport(ProgramStep.class)
@SerdeImport(PressureBand.class)
@SerdeImport(RepDetection.class)
@SerdeImport(ProgramError.class)
@SerdeImport(GuideSnapshot.class)
@SerdeImport(StepResult.class)
@SerdeImport(GuideProgress.class)
@SerdeImport(SpotDwell.class)
@SerdeImport(TenderRating.class)
@SerdeImport(TenderTrend.class)
final class SerdeImports {
    private SerdeImports() {
    }
}
