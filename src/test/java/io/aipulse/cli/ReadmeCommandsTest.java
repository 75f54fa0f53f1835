package io.aipulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's shell commands run from a fresh clone: every file they name is in the repository. */
class ReadmeCommandsTest {

    private static final Pattern SHELL_BLOCK = Pattern.compile("(?s)```sh\\n(.*?)```");
    /** A word that names a path: letters, digits, '.', '_', '-', '*', with at least one '/'. */
    private static final Pattern PATH = Pattern.compile("^[\\w.*-]*/[\\w./*-]*$");

    private static List<String> pathsInCommands() throws IOException {
        List<String> paths = new ArrayList<>();
        Matcher block = SHELL_BLOCK.matcher(Files.readString(Path.of("README.md")));
        while (block.find()) {
            for (String line : block.group(1).split("\n")) {
                String command = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
                for (String word : command.trim().split("\\s+")) {
                    String value = word.contains("=") ? word.substring(word.indexOf('=') + 1) : word;
                    if (PATH.matcher(value).matches() && !value.startsWith("target/")) {
                        paths.add(value);
                    }
                }
            }
        }
        return paths;
    }

    @Test
    void everyFileTheCommandsNameIsInTheClone() throws IOException {
        List<String> paths = pathsInCommands();

        assertThat(paths).as("paths in the README's commands").contains("eval/score.py", "seeds/*.txt");
        assertThat(paths).as("nothing outside the clone").noneMatch(path -> path.startsWith("../"));
        for (String path : paths) {
            // a glob names the files of its directory
            String fixed = path.contains("*") ? path.substring(0, path.lastIndexOf('/', path.indexOf('*')) + 1) : path;
            assertThat(Path.of(fixed)).as("%s in the README's commands", path).exists();
        }
    }
}
