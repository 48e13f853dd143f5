package dev.spinetrack.simulator.cli;

import dev.spinetrack.simulator.device.DeviceProfiles;
import dev.spinetrack.simulator.scenario.DeviceScript;
import dev.spinetrack.simulator.scenario.FaultSpec;
import dev.spinetrack.simulator.scenario.Scenario;
import dev.spinetrack.simulator.scenario.ScenarioCatalog;
import dev.spinetrack.simulator.scenario.Step;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;

/** Prints a scenario's devices, steps and faults. */
@Command(name = "describe", mixinStandardHelpOptions = true,
        description = "Describe a scenario: its devices, their scripted steps and its faults.")
final class DescribeCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO", description = "bundled name, load:<N>x<R>, or a YAML/JSON file")
    String scenario;

    @Override
    public void run() {
        Scenario s = ScenarioCatalog.load(scenario);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s (%s, %d device(s))%n  %s%n", s.name(), Format.duration(s.durationMs()), s.devices().size(),
                s.description() == null ? "" : s.description().trim());
        for (int i = 0; i < s.devices().size(); i++) {
            DeviceScript d = s.devices().get(i);
            var caps = DeviceProfiles.of(d.kind());
            out.printf("device %d: %s \"%s\", %d Hz, %d channel(s) in %s, battery %.0f %%%n", i, d.kind(),
                    d.advertisedName(), d.initialRateHz(), caps.channelCount(), caps.unit().symbol(),
                    d.initialBattery());
            long t = 0;
            for (Step step : d.script()) {
                StringBuilder what = new StringBuilder(step.kind().id());
                if (step.region() != null) {
                    what.append(' ').append(step.region());
                }
                if (step.level() != null) {
                    what.append(" at ").append(step.level());
                }
                if (step.reps() > 0) {
                    what.append(", ").append(step.reps()).append(" reps");
                }
                if (step.pressure() > 0) {
                    what.append(", ").append(step.pressure()).append(' ').append(caps.unit().symbol());
                }
                if (step.label() != null) {
                    what.append("  (").append(step.label()).append(')');
                }
                out.printf("  %6s +%4.0fs  %s%n", Format.duration(t), step.seconds(), what);
                t += step.durationMs();
            }
        }
        for (FaultSpec f : s.faults()) {
            out.printf("fault: %s%n", f);
        }
        out.flush();
    }
}
