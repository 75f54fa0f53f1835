package io.aipulse.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aipulse.json.Json;
import io.aipulse.testsupport.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfile, read without a Docker engine: the runtime image keeps the base image's entrypoint in front of
 * java, exits on an exhausted heap, bounds the heap, carries the service jar, and the build stage has every
 * directory the build reads.
 */
class DockerfileTest {

    /** eclipse-temurin images set this as ENTRYPOINT: it adds mounted CA certificates, then execs the command. */
    private static final String BASE_ENTRYPOINT = "/__cacert_entrypoint.sh";

    private final List<List<String>> stages = stages();

    @Test
    void runsJavaBehindTheBaseImagesEntrypointWithBoundedHeapAndExitOnOutOfMemory() {
        List<String> entrypoint = entrypoint();
        assertThat(runtimeStage()).anySatisfy(line -> assertThat(line).startsWith("FROM eclipse-temurin:"));
        assertThat(entrypoint.get(0)).as("the base image's entrypoint is chained first").isEqualTo(BASE_ENTRYPOINT);
        assertThat(entrypoint.get(1)).isEqualTo("java");
        assertThat(entrypoint).contains("-XX:+ExitOnOutOfMemoryError").anyMatch(arg -> arg.startsWith("-XX:MaxRAMPercentage="));
        assertThat(entrypoint.subList(entrypoint.size() - 2, entrypoint.size())).containsExactly("-jar", "/app/aipulse.jar");
    }

    @Test
    void shipsTheServiceJarWithoutTheBroker() {
        assertThat(runtimeStage()).contains("COPY --from=build /src/target/aipulse-service.jar /app/aipulse.jar");
    }

    @Test
    void copiesEveryDirectoryTheBuildReadsIntoTheBuildStage() throws IOException {
        // the resource directories of pom.xml (src/main/resources is under src)
        Matcher directories = Pattern.compile("<directory>([^<]+)</directory>")
                .matcher(Files.readString(Project.ROOT.resolve("pom.xml")));
        List<String> needed = new ArrayList<>(List.of("src"));
        while (directories.find()) {
            String top = directories.group(1).split("/")[0];
            if (!needed.contains(top)) {
                needed.add(top);
            }
        }
        assertThat(needed).contains("config", "schemas");
        List<String> build = stages.get(0);
        for (String directory : needed) {
            assertThat(build).as("COPY of %s in the build stage", directory).contains("COPY " + directory + " " + directory);
        }
    }

    @Test
    void checksHealthWithAProgramTheImageHas() {
        assertThat(runtimeStage()).anySatisfy(line -> assertThat(line).startsWith("HEALTHCHECK").contains("curl -fsS"))
                .anySatisfy(line -> assertThat(line).startsWith("RUN command -v curl"));
    }

    // ---------------------------------------------------------------------------------------------------

    private List<String> runtimeStage() {
        return stages.get(stages.size() - 1);
    }

    private List<String> entrypoint() {
        String line = runtimeStage().stream().filter(l -> l.startsWith("ENTRYPOINT ")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no ENTRYPOINT in the runtime stage"));
        JsonNode array = Json.read(line.substring("ENTRYPOINT ".length()), JsonNode.class);
        assertThat(array.isArray()).as("exec form: %s", line).isTrue();
        List<String> args = new ArrayList<>();
        array.forEach(arg -> args.add(arg.asText()));
        return args;
    }

    /** The instructions of each stage, continuation lines joined, comments left out. */
    private static List<List<String>> stages() {
        List<String> lines;
        try {
            lines = Files.readAllLines(Project.ROOT.resolve("Dockerfile"));
        } catch (IOException e) {
            throw new AssertionError("no Dockerfile", e);
        }
        List<List<String>> stages = new ArrayList<>();
        StringBuilder instruction = new StringBuilder();
        for (String line : lines) {
            if (line.strip().startsWith("#") || (line.isBlank() && instruction.isEmpty())) {
                continue;
            }
            boolean continues = line.endsWith("\\");
            instruction.append(continues ? line.substring(0, line.length() - 1) : line).append(' ');
            if (continues) {
                continue;
            }
            String complete = instruction.toString().replaceAll("\\s+", " ").strip();
            instruction.setLength(0);
            if (complete.startsWith("FROM ")) {
                stages.add(new ArrayList<>());
            }
            stages.get(stages.size() - 1).add(complete);
        }
        assertThat(stages).as("a build stage and a runtime stage").hasSize(2);
        return stages;
    }
}
