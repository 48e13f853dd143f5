package dev.spinetrack.simulator.cli;

import dev.spinetrack.simulator.scenario.ScenarioException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code simulate}: the simulator's command line. Subcommands: {@code list}, {@code describe},
 * {@code run}, {@code load}, {@code bluez}.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true, version = "SpineTrack simulator 0.1.0",
        description = "Virtual SpineTrack racks and balls: play scenarios, inject faults, write ground truth.",
        subcommands = {ListCommand.class, DescribeCommand.class, RunCommand.class, LoadCommand.class, BluezCommand.class,
            CommandLine.HelpCommand.class})
public final class SimulatorCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and returns its exit code. */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /**
     * The configured command line: a bad scenario, fault flag or file ends the command with
     * its message and exit code 2, not a stack trace.
     */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new SimulatorCommand());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ScenarioException || e instanceof IllegalArgumentException
                    || e instanceof java.io.IOException) {
                cmd.getErr().println("error: " + e.getMessage());
                cmd.getErr().flush();
                return 2;
            }
            throw e;
        });
        return cl;
    }

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "simulator-cli-logback.xml");
        }
        System.exit(execute(args));
    }
}
