package io.aipulse.cli;

import io.aipulse.broker.BrokerClasses;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code aipulse} command line: one jar, one command per job. */
@Command(name = "aipulse", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Turns Chinese AI-industry news into typed events and calendar-window aggregates on Kafka.",
        subcommands = {ProduceCommand.class, RunCommand.class, ExtractCommand.class, DemoCommand.class,
                BenchCommand.class, EvalCommand.class, TrainCommand.class, ValidateCommand.class, TopicsCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * Exit codes: 0 success, 1 failure, 2 bad usage. {@code broker} only where Kafka's server classes are (not
     * in the service jar, which leaves them out: there the command could only fail).
     */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        if (BrokerClasses.present()) {
            cli.addSubcommand(new BrokerCommand());
        }
        // -V on every command, including ones added later
        for (CommandLine command : cli.getSubcommands().values()) {
            command.getCommandSpec().versionProvider(new Version());
        }
        cli.setExecutionExceptionHandler((error, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + (error.getMessage() == null ? error : error.getMessage()));
            return 1;
        });
        return cli;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }
}
