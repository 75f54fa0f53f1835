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
    void everyPanelHasAUniqueIdAPositionAndQueriesTheChosenDatasource() {
        // the datasource is a variable (any Prometheus datasource of the Grafana), never a fixed uid
        JsonNode datasource = variable("datasource");
        assertThat(datasource.path("type").asText()).isEqualTo("datasource");
        assertThat(datasource.path("query").asText()).isEqualTo("prometheus");
        assertThat(ObservabilityFiles.readYaml(ObservabilityFiles.DATASOURCES).path("datasources").get(0)
                .path("type").asText()).as("the provisioned datasource is one the variable offers").isEqualTo("prometheus");
        Set<Integer> ids = new HashSet<>();
        List<JsonNode> panels = ObservabilityFiles.dashboardPanels();
        assertThat(panels).isNotEmpty();
        for (JsonNode panel : panels) {
            String title = panel.path("title").asText();
            assertThat(ids.add(panel.path("id").asInt())).as("unique id of %s", title).isTrue();
            assertThat(panel.path("gridPos").path("w").asInt()).as("width of %s", title).isPositive();
            if ("text".equals(panel.path("type").asText())) {
                continue;
            }
            assertThat(panel.path("targets").size()).as("queries of %s", title).isPositive();
            assertThat(panel.path("datasource").path("uid").asText()).as("datasource of %s", title)
                    .isEqualTo("${datasource}");
            for (JsonNode target : panel.path("targets")) {
                assertThat(target.path("expr").asText()).as("query of %s", title).isNotBlank();
                assertThat(target.path("datasource").path("uid").asText()).isEqualTo("${datasource}");
            }
        }
        for (JsonNode variable : ObservabilityFiles.dashboard().path("templating").path("list")) {
            if ("query".equals(variable.path("type").asText())) {
                assertThat(variable.path("datasource").path("uid").asText()).as("datasource of $%s",
                        variable.path("name").asText()).isEqualTo("${datasource}");
            }
        }
        assertThat(ObservabilityFiles.dashboard().toString()).doesNotContain("\"uid\":\"prometheus\"");
    }

    @Test
    void theDashboardHasThePanelsTheIssueAsksFor() {
        List<String> titles = ObservabilityFiles.dashboardPanels().stream().map(p -> p.path("title").asText()).toList();
        assertThat(titles).contains("Articles consumed /s", "Events extracted /s by type",
                "Events extracted by sector (processing counter)", "Top cities extracted (processing counter)",
                "Extraction latency p50 / p99", "Dead-letter records /s", "Late records /s",
                "Stream state", "Stalled", "Stream thread state", "Commit / process latency", "Consumer lag (records)",
                "JVM heap",
                // the aggregates themselves, next to the counters, with the difference explained
                "Events by sector, week of $week", "Top cities, week of $week", "Events by type, week of $week",
                "Funding by sector (at least), week of $week", "Events by sector, day $day", "Top cities, day $day",
                "Aggregates or processing counters?");
        String queries = ObservabilityFiles.dashboardQueries().toString();
        assertThat(queries).contains("histogram_quantile(0.5", "histogram_quantile(0.99",
                "aipulse_events_extracted_by_city_total", "kafka_consumer_fetch_manager_records_lag",
                "jvm_memory_used_bytes", "aipulse_window_events{", "aipulse_window_events_by_city{",
                "aipulse_window_funding_min_cny{", "aipulse_stream_stalled");
    }

    @Test
    void analystsAndOperatorsCanNarrowTheDashboardDown() {
        for (String name : List.of("datasource", "application", "instance", "sector", "city", "type", "week", "day")) {
            variable(name);
        }
        // every query filters by the variables that apply to it
        for (ObservabilityFiles.PanelQuery query : ObservabilityFiles.dashboardQueries()) {
            assertThat(query.expr()).as("%s", query).contains("application=~\"$application\"", "instance=~\"$instance\"");
            if (query.expr().contains("aipulse_events_extracted_total") || query.expr().contains("aipulse_window_events{")) {
                assertThat(query.expr()).as("%s", query).contains("sector=~\"$sector\"", "type=~\"$type\"");
            }
            if (query.expr().contains("by_city")) {
                assertThat(query.expr()).as("%s", query).contains("city=~\"$city\"");
            }
            if (query.expr().contains("aipulse_window_")) {
                assertThat(query.expr()).as("%s", query).containsAnyOf("start=~\"$week\"", "start=~\"$day\"");
            }
        }
    }

    @Test
    void windowsAreShownInTheirTimeZoneWithRestartsAndLinksToThePageAndTheAlerts() {
        JsonNode dashboard = ObservabilityFiles.dashboard();
        assertThat(dashboard.path("timezone").asText()).isEqualTo("Asia/Shanghai");
        assertThat(ObservabilityFiles.annotationQueries()).extracting(ObservabilityFiles.PanelQuery::expr)
                .anyMatch(expr -> expr.contains("process_start_time_seconds"));
        List<String> links = new ArrayList<>();
        dashboard.path("links").forEach(link -> links.add(link.path("url").asText()));
        assertThat(links).contains("${service_url}/", "${prometheus_url}/alerts");
    }

    @Test
    void ratesHaveTheirOwnUnitsAndTheStreamStateItsColours() {
        for (JsonNode panel : ObservabilityFiles.dashboardPanels()) {
            assertThat(panel.path("fieldConfig").toString()).as("unit of %s", panel.path("title").asText())
                    .doesNotContain("reqps");
        }
        assertThat(panel("Articles consumed /s").path("fieldConfig").path("defaults").path("unit").asText())
                .isEqualTo("suffix: articles/s");
        assertThat(panel("Events extracted /s by type").path("fieldConfig").path("defaults").path("unit").asText())
                .isEqualTo("suffix: events/s");
        // the stream state is a number whose mapping names the state and colours it
        JsonNode mappings = panel("Stream state").path("fieldConfig").path("defaults").path("mappings").get(0)
                .path("options");
        List<String> states = new ArrayList<>();
        for (org.apache.kafka.streams.KafkaStreams.State state : org.apache.kafka.streams.KafkaStreams.State.values()) {
            JsonNode mapping = mappings.path(String.valueOf(state.ordinal()));
            assertThat(mapping.path("text").asText()).as("mapping of %d", state.ordinal()).isEqualTo(state.name());
            states.add(mapping.path("color").asText());
        }
        assertThat(mappings.path("2").path("color").asText()).isEqualTo("green");
        assertThat(mappings.path("6").path("color").asText()).isEqualTo("red");
        assertThat(new HashSet<>(states)).as("colours follow the state: running, on the way, stopped")
                .containsExactlyInAnyOrder("green", "orange", "red", "yellow");
        JsonNode stalled = panel("Stalled").path("fieldConfig").path("defaults").path("mappings").get(0).path("options");
        assertThat(stalled.path("1").path("color").asText()).isEqualTo("red");
        assertThat(stalled.path("0").path("color").asText()).isEqualTo("green");
    }

    @Test
    void queriesUseOnlyVariablesTheIntegrationTestReplaces() {
        Set<String> used = new HashSet<>();
        List<ObservabilityFiles.PanelQuery> all = new ArrayList<>(ObservabilityFiles.dashboardQueries());
        all.addAll(ObservabilityFiles.annotationQueries());
        all.addAll(ObservabilityFiles.variableQueries());
        for (ObservabilityFiles.PanelQuery query : all) {
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

    private static JsonNode variable(String name) {
        for (JsonNode variable : ObservabilityFiles.dashboard().path("templating").path("list")) {
            if (name.equals(variable.path("name").asText())) {
                return variable;
            }
        }
        throw new AssertionError("no variable " + name);
    }

    private static JsonNode panel(String title) {
        return ObservabilityFiles.dashboardPanels().stream().filter(p -> title.equals(p.path("title").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no panel " + title));
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
