package io.aipulse.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.aipulse.testsupport.Project;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.Map;

/**
 * The repository's observability files as the tests read them: the Grafana dashboard's queries, the
 * alert rules, docker-compose.yml. Paths are relative to the project directory (Maven runs tests there).
 */
public final class ObservabilityFiles {

    public static final Path ROOT = Project.ROOT;
    public static final Path DASHBOARD = ROOT.resolve("config/grafana/dashboards/aipulse.json");
    public static final Path DATASOURCES = ROOT.resolve("config/grafana/provisioning/datasources/prometheus.yml");
    public static final Path DASHBOARD_PROVIDERS = ROOT.resolve("config/grafana/provisioning/dashboards/aipulse.yml");
    public static final Path PROMETHEUS_LOCAL = ROOT.resolve("config/prometheus/prometheus.yml");
    public static final Path PROMETHEUS_COMPOSE = ROOT.resolve("config/prometheus/prometheus.compose.yml");
    public static final Path ALERTS = ROOT.resolve("config/prometheus/alerts.yml");
    public static final Path ALERT_TESTS = ROOT.resolve("config/prometheus/alerts.test.yml");
    public static final Path OBSERVABILITY_DOC = ROOT.resolve("docs/OBSERVABILITY.md");
    public static final Path COMPOSE = ROOT.resolve("docker-compose.yml");

    /**
     * How the tests turn a dashboard query into plain PromQL: Grafana replaces these variables before it
     * sends a query, Prometheus does not know them. {@code $__rate_interval} is at least four scrape
     * intervals in Grafana; 1m covers that for the test's 1 s scrapes and the stack's 5 s ones.
     * {@code $__range} is the dashboard's time range (default: last hour). {@code $application} is the
     * dashboard's variable, "All" = {@code .*}; so are instance, sector, city, type, and the windows on offer
     * (week, day).
     */
    public static final Map<String, String> GRAFANA_VARIABLES = orderedMap(
            "$__rate_interval", "1m",
            "$__interval", "15s",
            "$__range", "1h",
            "${application}", ".*",
            "$application", ".*",
            "$instance", ".*",
            "$sector", ".*",
            "$city", ".*",
            "$type", ".*",
            // the window starts on offer; the dashboard shows one at a time, the test all of them
            "$week", ".*",
            "$day", ".*",
            // used in links and the datasource fields, never in a query
            "$datasource", "prometheus",
            "$service_url", "http://localhost:8080",
            "$prometheus_url", "http://localhost:9090");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    private ObservabilityFiles() {
    }

    /** One query of one dashboard panel. */
    public record PanelQuery(String panel, String refId, String expr, boolean instant) {

        /** The query with Grafana's variables replaced (see {@link #GRAFANA_VARIABLES}). */
        public String promql() {
            return substitute(expr);
        }

        @Override
        public String toString() {
            return "panel '" + panel + "' query " + refId + ": " + expr;
        }
    }

    /** One alerting rule. */
    public record AlertRule(String name, String expr) {
    }

    public static JsonNode dashboard() {
        return readJson(DASHBOARD);
    }

    /** Every panel query of the dashboard, rows' nested panels included. */
    public static List<PanelQuery> dashboardQueries() {
        List<PanelQuery> queries = new ArrayList<>();
        collect(dashboard().path("panels"), queries);
        return queries;
    }

    private static void collect(JsonNode panels, List<PanelQuery> queries) {
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                queries.add(new PanelQuery(panel.path("title").asText(), target.path("refId").asText(),
                        target.path("expr").asText(), target.path("instant").asBoolean(false)));
            }
            collect(panel.path("panels"), queries);
        }
    }

    /** The queries of the dashboard's Prometheus annotations (restarts, replaced stream threads). */
    public static List<PanelQuery> annotationQueries() {
        List<PanelQuery> queries = new ArrayList<>();
        for (JsonNode annotation : dashboard().path("annotations").path("list")) {
            if (annotation.has("expr")) {
                queries.add(new PanelQuery("annotation " + annotation.path("name").asText(), "",
                        annotation.path("expr").asText(), false));
            }
        }
        return queries;
    }

    /**
     * The query variables as PromQL: {@code label_values(selector, label)} is Grafana's; the values it
     * offers are those of {@code count by (label) (selector)}.
     */
    public static List<PanelQuery> variableQueries() {
        List<PanelQuery> queries = new ArrayList<>();
        java.util.regex.Pattern labelValues = java.util.regex.Pattern.compile("label_values\\((.+),\\s*(\\w+)\\)");
        for (JsonNode variable : dashboard().path("templating").path("list")) {
            if ("query".equals(variable.path("type").asText())) {
                String definition = variable.path("definition").asText();
                java.util.regex.Matcher m = labelValues.matcher(definition);
                if (!m.matches()) {
                    throw new IllegalStateException("variable " + variable.path("name") + ": " + definition);
                }
                queries.add(new PanelQuery("variable " + variable.path("name").asText(), m.group(2),
                        "count by (" + m.group(2) + ") (" + m.group(1) + ")", true));
            }
        }
        return queries;
    }

    /** Every panel of the dashboard that is not a row, rows' nested panels included. */
    public static List<JsonNode> dashboardPanels() {
        List<JsonNode> result = new ArrayList<>();
        collectPanels(dashboard().path("panels"), result);
        return result;
    }

    private static void collectPanels(JsonNode panels, List<JsonNode> result) {
        for (JsonNode panel : panels) {
            if (!"row".equals(panel.path("type").asText())) {
                result.add(panel);
            }
            collectPanels(panel.path("panels"), result);
        }
    }

    public static List<AlertRule> alertRules() {
        List<AlertRule> rules = new ArrayList<>();
        for (JsonNode group : readYaml(ALERTS).path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                rules.add(new AlertRule(rule.path("alert").asText(rule.path("record").asText()),
                        rule.path("expr").asText()));
            }
        }
        return rules;
    }

    /**
     * The anchors a Markdown renderer such as GitHub's gives the headings of {@code file}: lower case, spaces
     * as '-', punctuation other than '-' and '_' dropped.
     */
    public static Set<String> headingAnchors(Path file) {
        Set<String> anchors = new TreeSet<>();
        try {
            boolean inCode = false;
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith("```")) {
                    inCode = !inCode;
                } else if (!inCode && line.startsWith("#")) {
                    String title = line.replaceFirst("^#+\\s*", "").strip().toLowerCase(Locale.ROOT);
                    anchors.add(title.replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return anchors;
    }

    public static String substitute(String expr) {
        String result = expr;
        for (Map.Entry<String, String> variable : GRAFANA_VARIABLES.entrySet()) {
            result = result.replace(variable.getKey(), variable.getValue());
        }
        return result;
    }

    public static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode readYaml(Path file) {
        try {
            return YAML.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static YAMLMapper yaml() {
        return YAML;
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
