package dev.spinetrack.simulator.cli;

import dev.spinetrack.simulator.scenario.Scenario;
import dev.spinetrack.simulator.scenario.ScenarioCatalog;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** Lists the bundled scenarios. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the bundled scenarios.")
final class ListCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        for (String name : ScenarioCatalog.BUNDLED) {
            Scenario s = ScenarioCatalog.load(name);
            out.printf("%-20s %2d device(s) %6s  %s%n", name, s.devices().size(), Format.duration(s.durationMs()),
                    s.description().trim());
        }
        out.printf("%-20s N devices at R Hz, alternately racks and balls (load mode), e.g. load:50x100%n",
                "load:<N>x<R>[x<S>s]");
        out.flush();
    }
}
