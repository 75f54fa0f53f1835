package io.aipulse.observability;

import static io.aipulse.observability.ObservabilityFiles.ALERTS;
import static io.aipulse.observability.ObservabilityFiles.ALERT_TESTS;
import static io.aipulse.observability.ObservabilityFiles.PROMETHEUS_COMPOSE;
import static io.aipulse.observability.ObservabilityFiles.PROMETHEUS_LOCAL;
import static io.aipulse.observability.ObservabilityFiles.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aipulse.testsupport.ChildProcess;
import io.aipulse.testsupport.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped Prometheus files through Prometheus' own checker: both configs and the rules are valid,
 * and the rules' unit tests ({@code config/prometheus/alerts.test.yml}) pass, cover every alert firing and
 * not firing, and fail when the rules lose their {@code for:} (so they test the waits, not only the
 * expressions). Needs {@code promtool} (Debian's {@code prometheus} package; {@code -Dprometheus.skip=true}
 * skips).
 */
class PromtoolIT {

    private static Path promtool;
    private static Path work;

    @BeforeAll
    static void findPromtool() {
        promtool = ExternalTool.require("promtool", "prometheus", "prometheus");
        work = Project.freshDirUnderTarget("promtool-it");
    }

    @Test
    void bothPrometheusConfigsPassCheckConfig() {
        for (Path config : List.of(PROMETHEUS_LOCAL, PROMETHEUS_COMPOSE)) {
            ChildProcess.Result result = promtool("check", "config", config.toString());
            assertThat(result.exitCode()).as("promtool check config %s: %s %s", config, result.stdout(),
                    result.stderr()).isZero();
        }
    }

    @Test
    void theAlertRulesPassCheckRules() {
        ChildProcess.Result result = promtool("check", "rules", ALERTS.toString());
        assertThat(result.exitCode()).as("%s %s", result.stdout(), result.stderr()).isZero();
        assertThat(result.stdout()).contains(ObservabilityFiles.alertRules().size() + " rules found");
    }

    @Test
    void theAlertRuleUnitTestsPass() {
        ChildProcess.Result result = promtool("test", "rules", ALERT_TESTS.toString());
        assertThat(result.exitCode()).as("promtool test rules: %s %s", result.stdout(), result.stderr()).isZero();
        assertThat(result.stdout()).contains("SUCCESS");
    }

    @Test
    void everyAlertIsTestedFiringAndNotFiring() {
        Set<String> firing = new TreeSet<>();
        Set<String> quiet = new TreeSet<>();
        JsonNode tests = ObservabilityFiles.readYaml(ALERT_TESTS);
        assertThat(tests.path("rule_files").toString()).contains(ALERTS.getFileName().toString());
        for (JsonNode test : tests.path("tests")) {
            for (JsonNode check : test.path("alert_rule_test")) {
                String alert = check.path("alertname").asText();
                (check.path("exp_alerts").isEmpty() ? quiet : firing).add(alert);
                for (JsonNode expected : check.path("exp_alerts")) {
                    assertThat(expected.path("exp_annotations").path("runbook_url").asText())
                            .as("%s: the test checks the annotations an on-call engineer receives", alert)
                            .isNotEmpty();
                }
            }
        }
        List<String> alerts = ObservabilityFiles.alertRules().stream().map(ObservabilityFiles.AlertRule::name).toList();
        assertThat(firing).as("alerts with a test where they fire").containsAll(alerts);
        assertThat(quiet).as("alerts with a test where they do not fire").containsAll(alerts);
    }

    @Test
    void theUnitTestsFailWhenTheRulesStopWaiting() throws Exception {
        // given the same rules without their `for:` and the same tests
        List<String> withoutWaits = new ArrayList<>();
        for (String line : Files.readAllLines(ALERTS)) {
            if (!line.strip().startsWith("for:")) {
                withoutWaits.add(line);
            }
        }
        assertThat(withoutWaits).hasSizeLessThan(Files.readAllLines(ALERTS).size());
        Files.write(work.resolve(ALERTS.getFileName()), withoutWaits);
        Path tests = Files.copy(ALERT_TESTS, work.resolve(ALERT_TESTS.getFileName()));

        // when promtool runs them, then they fail
        ChildProcess.Result result = promtool("test", "rules", tests.toString());
        assertThat(result.exitCode()).as("alerts fire too early without for: %s", result.stdout()).isNotZero();
        assertThat(result.stdout() + result.stderr()).contains("FAILED");
    }

    private static ChildProcess.Result promtool(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(promtool.toString());
        command.addAll(List.of(arguments));
        return ChildProcess.run("promtool-" + arguments[1], ROOT, work, command, Duration.ofMinutes(1));
    }
}
