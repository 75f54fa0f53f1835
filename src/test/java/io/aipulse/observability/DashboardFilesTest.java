package io.aipulse.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard and the alert rules as files (PrometheusIT evaluates their queries against a
 * real Prometheus): well-formed, wired to the provisioned datasource, covering the panels the issue asks
 * for, and using only variables the integration test knows how to replace.
 */
class DashboardFilesTest {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?[A-Za-z_][A-Za-z0-9_]*}?");

    @Test
    void everyPanelHasAUniqueIdAPositionAndQueriesOnTheProvisionedDatasource() {
        String uid = ObservabilityFiles.readYaml(ObservabilityFiles.DATASOURCES).path("datasources").get(0)
                .path("uid").asText();
        assertThat(uid).isNotEmpty();
        Set<Integer> ids = new HashSet<>();
        List<JsonNode> panels = ObservabilityFiles.dashboardPanels();
        assertThat(panels).isNotEmpty();
        for (JsonNode panel : panels) {
            String title = panel.path("title").asText();
            assertThat(ids.add(panel.path("id").asInt())).as("unique id of %s", title).isTrue();
            assertThat(panel.path("gridPos").path("w").asInt()).as("width of %s", title).isPositive();
            assertThat(panel.path("targets").size()).as("queries of %s", title).isPositive();
            assertThat(panel.path("datasource").path("uid").asText()).as("datasource of %s", title).isEqualTo(uid);
            for (JsonNode target : panel.path("targets")) {
                assertThat(target.path("expr").asText()).as("query of %s", title).isNotBlank();
                assertThat(target.path("datasource").path("uid").asText(uid)).isEqualTo(uid);
            }
        }
    }

    @Test
    void theDashboardHasThePanelsTheIssueAsksFor() {
        List<String> titles = ObservabilityFiles.dashboardPanels().stream().map(p -> p.path("title").asText()).toList();
        assertThat(titles).contains("Articles consumed /s", "Events extracted /s by type", "Events by sector",
                "Top cities", "Extraction latency p50 / p99", "Dead-letter records /s", "Late records /s",
                "Stream state", "Stream thread state", "Commit / process latency", "Consumer lag (records)",
                "JVM heap");
        String queries = ObservabilityFiles.dashboardQueries().toString();
        assertThat(queries).contains("histogram_quantile(0.5", "histogram_quantile(0.99",
                "aipulse_events_extracted_by_city_total", "kafka_consumer_fetch_manager_records_lag",
                "jvm_memory_used_bytes");
    }

    @Test
    void queriesUseOnlyVariablesTheIntegrationTestReplaces() {
        Set<String> used = new HashSet<>();
        for (ObservabilityFiles.PanelQuery query : ObservabilityFiles.dashboardQueries()) {
            Matcher m = VARIABLE.matcher(query.expr());
            while (m.find()) {
                used.add(m.group());
            }
            assertThat(query.promql()).as("%s after substitution", query).doesNotContain("$");
        }
        assertThat(ObservabilityFiles.GRAFANA_VARIABLES.keySet()).containsAll(used);
        List<String> variables = new ArrayList<>();
        ObservabilityFiles.dashboard().path("templating").path("list")
                .forEach(v -> variables.add("$" + v.path("name").asText()));
        assertThat(ObservabilityFiles.GRAFANA_VARIABLES.keySet()).containsAll(variables);
    }

    @Test
    void alertRulesHaveNamesSeveritiesAndSummaries() {
        List<ObservabilityFiles.AlertRule> rules = ObservabilityFiles.alertRules();
        assertThat(rules).extracting(ObservabilityFiles.AlertRule::name).doesNotHaveDuplicates()
                .contains("AipulseDeadLetterRate", "AipulseFailedStreamThreads", "AipulseConsumerLagGrowing",
                        "AipulseNoInput", "AipulseStreamStalled");
        for (JsonNode group : ObservabilityFiles.readYaml(ObservabilityFiles.ALERTS).path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                String name = rule.path("alert").asText();
                assertThat(rule.path("labels").path("severity").asText()).as("severity of %s", name)
                        .isIn("critical", "warning", "info");
                assertThat(rule.path("annotations").path("summary").asText()).as("summary of %s", name).isNotBlank();
            }
        }
    }

    @Test
    void everyAlertWaitsSaysWhatHappenedAndLinksARunbookSectionThatExists() {
        Set<String> anchors = ObservabilityFiles.headingAnchors(ObservabilityFiles.OBSERVABILITY_DOC);
        for (JsonNode group : ObservabilityFiles.readYaml(ObservabilityFiles.ALERTS).path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                String name = rule.path("alert").asText();
                assertThat(rule.path("for").asText()).as("for: of %s", name).matches("[1-9][0-9]*[smh]");
                assertThat(rule.path("annotations").path("description").asText()).as("description of %s", name)
                        .isNotBlank();
                String runbook = rule.path("annotations").path("runbook_url").asText();
                assertThat(runbook).as("runbook of %s", name).startsWith("docs/OBSERVABILITY.md#");
                String anchor = runbook.substring(runbook.indexOf('#') + 1);
                assertThat(anchors).as("heading for %s in docs/OBSERVABILITY.md", runbook).contains(anchor);
                assertThat(anchor).as("the runbook section is the alert's own").isEqualTo(name.toLowerCase(java.util.Locale.ROOT));
            }
        }
    }
}
