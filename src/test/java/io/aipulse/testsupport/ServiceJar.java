package io.aipulse.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The service as production runs it: {@code java -jar target/aipulse.jar COMMAND ...} on the test's own
 * JDK, in the project directory, as a child process.
 */
public final class ServiceJar {

    private ServiceJar() {
    }

    /** The {@code run} command (the stream service with its HTTP endpoints) against {@code bootstrap}. */
    public static Run run(String bootstrap) {
        return new Run(bootstrap);
    }

    /**
     * Runs a command that ends by itself ({@code produce}, {@code extract}) to its end, with {@code heap} as
     * {@code -Xmx} and the C1 compiler only (it starts faster, and these commands are short).
     */
    public static ChildProcess.Result runToEnd(String name, Path logDir, Duration timeout, String heap,
                                               String... commandAndArgs) {
        return runToEnd(Project.JAR, name, logDir, timeout, heap, commandAndArgs);
    }

    /** The same with another jar ({@link Project#SERVICE_JAR}). */
    public static ChildProcess.Result runToEnd(Path jar, String name, Path logDir, Duration timeout, String heap,
                                               String... commandAndArgs) {
        List<String> command = java(jar, "-Xmx" + heap, "-XX:TieredStopAtLevel=1");
        command.addAll(List.of(commandAndArgs));
        return ChildProcess.run(name, Project.ROOT, logDir, command, timeout);
    }

    private static List<String> java(Path jar, String... jvmOptions) {
        assertThat(jar).as("the service jar (mvn package builds it before failsafe runs the ITs)").exists();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.add("-Dfile.encoding=UTF-8");
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }

    /**
     * {@code run} with 512 MB of heap, the project's {@code config/}, and by default an HTTP port the
     * service picks itself (it prints {@code http=PORT}).
     */
    public static final class Run {

        private final String bootstrap;
        private final Map<String, String> settings = new LinkedHashMap<>();
        private Path jar = Project.JAR;
        private int httpPort;
        private Path stateDir;

        private Run(String bootstrap) {
            this.bootstrap = bootstrap;
        }

        /** Runs this jar instead of {@link Project#JAR}. */
        public Run jar(Path otherJar) {
            this.jar = otherJar;
            return this;
        }

        public Run httpPort(int port) {
            this.httpPort = port;
            return this;
        }

        public Run stateDir(Path dir) {
            this.stateDir = dir;
            return this;
        }

        /** One {@code --set KEY=VALUE}. */
        public Run set(String key, String value) {
            settings.put(key, value);
            return this;
        }

        public Run set(Map<String, String> more) {
            settings.putAll(more);
            return this;
        }

        /** Starts the service, its logs in {@code logDir/<name>.out|.err}; {@link ServiceProcess#awaitRunning} waits for it. */
        public ServiceProcess start(String name, Path logDir) {
            List<String> command = java(jar, "-Xmx512m");
            command.addAll(List.of("run", "--config-dir", Project.CONFIG.toString(), "--bootstrap", bootstrap,
                    "--http-port", Integer.toString(httpPort)));
            if (stateDir != null) {
                command.addAll(List.of("--state-dir", stateDir.toString()));
            }
            settings.forEach((key, value) -> command.addAll(List.of("--set", key + "=" + value)));
            return new ServiceProcess(ChildProcess.start(name, Project.ROOT, logDir, command), httpPort);
        }
    }
}
