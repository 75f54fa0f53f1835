package io.aipulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.aipulse.broker.BrokerOptions;
import io.aipulse.config.Settings;
import io.aipulse.config.SettingsLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** What every command's options promise in --help, -V and the README: true for each command. */
class CommandLineOptionsTest {

    /** "(default: http.port of the configuration, 8080; ...)": a configuration key and its shipped value. */
    private static final Pattern CONFIGURED_DEFAULT = Pattern.compile("default: ([a-z.]+) of the configuration, ([^;)]+)");

    private static List<CommandLine> commands() {
        List<CommandLine> commands = new ArrayList<>();
        Main.commandLine().getSubcommands().forEach((name, command) -> {
            if (!name.equals("help")) {
                commands.add(command);
            }
        });
        return commands;
    }

    @Test
    void everyCommandPrintsTheVersionOfThePomWithDashV() throws IOException {
        // given the version the pom gives the project
        Matcher version = Pattern.compile("<artifactId>aipulse</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertThat(version.find()).isTrue();

        for (String command : Main.commandLine().getSubcommands().keySet()) {
            if (command.equals("help")) {
                continue;
            }
            // when -V is given to the command
            StringWriter out = new StringWriter();
            CommandLine cli = Main.commandLine();
            cli.setOut(new PrintWriter(out, true));
            int exit = cli.execute(command, "-V");

            // then it prints that version and exits 0
            assertThat(exit).as(command).isZero();
            assertThat(out.toString().trim()).as(command + " -V").isEqualTo("aipulse " + version.group(1));
        }
    }

    @Test
    void everyOptionThatTakesAValueShowsItsDefaultInHelp() {
        SoftAssertions softly = new SoftAssertions();
        int checked = 0;
        for (CommandLine command : commands()) {
            for (OptionSpec option : command.getCommandSpec().options()) {
                boolean flag = option.typeInfo().isBoolean();
                boolean repeatable = option.isMultiValue();
                if (option.usageHelp() || option.versionHelp() || flag || repeatable || option.required()) {
                    continue;
                }
                String help = String.join(" ", option.description());
                softly.assertThat(help).as("%s %s", command.getCommandName(), option.longestName()).contains("default: ")
                        .doesNotContain("${DEFAULT-VALUE}");
                checked++;
            }
        }
        softly.assertAll();
        assertThat(checked).isGreaterThan(10);
    }

    @Test
    void theDefaultsHelpTakesFromTheConfigurationAreTheShippedValues() {
        Settings shipped = SettingsLoader.load(Path.of("config"), Map.of(), Map.of());
        SoftAssertions softly = new SoftAssertions();
        int checked = 0;
        for (CommandLine command : commands()) {
            for (OptionSpec option : command.getCommandSpec().options()) {
                Matcher m = CONFIGURED_DEFAULT.matcher(String.join(" ", option.description()));
                while (m.find()) {
                    softly.assertThat(m.group(2)).as("%s %s: %s", command.getCommandName(), option.longestName(),
                            m.group(1)).isEqualTo(shipped.get(m.group(1)));
                    checked++;
                }
            }
        }
        softly.assertAll();
        assertThat(checked).as("options whose default is a configuration key").isGreaterThanOrEqualTo(4);
    }

    @Test
    void everyCommandTakesTheConfigurationDirectoryAndSetAsTheReadmeSays() {
        for (CommandLine command : commands()) {
            assertThat(command.getCommandSpec().findOption("--config-dir")).as(command.getCommandName()).isNotNull();
            assertThat(command.getCommandSpec().findOption("--set")).as(command.getCommandName()).isNotNull();
        }
    }

    @Test
    void theBrokerTakesItsPropertiesFromTheBrokerKeysOfTheConfiguration() {
        // when broker is given broker.* keys and other keys
        BrokerCommand broker = new BrokerCommand();
        new CommandLine(broker).parseArgs("--config-dir", "config", "--port", "0",
                "--set", "broker.num.io.threads=4", "--set", "zone=Europe/Berlin");

        // then the broker keys, without their prefix, are broker properties, and nothing else is
        BrokerOptions options = broker.options();
        assertThat(options.extraProps()).containsEntry("num.io.threads", "4").doesNotContainKey("zone")
                .doesNotContainKey("bootstrap.servers").allSatisfy((key, value) -> assertThat(key).doesNotStartWith("broker."));
        assertThat(options.port()).isZero();
    }
}
