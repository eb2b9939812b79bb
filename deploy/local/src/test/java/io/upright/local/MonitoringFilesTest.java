package io.upright.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18: the alert rules and the dashboard in deploy/monitoring name only series the services really expose (read
 * from the meters their code registers, as Prometheus names them), every Upright series is on the dashboard, and every
 * alert is explained in the runbook. No Prometheus or Grafana runs here, so this is what keeps the files true.
 */
class MonitoringFilesTest {

    private static final Path ROOT = Path.of(System.getProperty("upright.root", "../..")).toAbsolutePath().normalize();
    private static final Pattern METER = Pattern.compile("(Gauge|Counter|Timer)\\.builder\\(\"(upright\\.[a-z.]+)\"(.*?)\\.register\\(",
            Pattern.DOTALL);
    private static final Pattern SERIES = Pattern.compile("\\bupright_[a-z_]+");
    private static final Set<String> SEVERITIES = Set.of("critical", "warning", "info");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void every_alert_names_only_series_the_services_expose_and_is_explained_in_the_runbook() throws IOException {
        Set<String> exposed = exposedSeries();
        String runbook = Files.readString(ROOT.resolve("docs/operations.md"));
        JsonNode rules = yaml.readTree(ROOT.resolve("deploy/monitoring/prometheus-rules.yml").toFile());
        Set<String> alerts = new HashSet<>();
        assertThat(rules.path("groups")).isNotEmpty();
        for (JsonNode group : rules.path("groups")) {
            assertThat(group.path("name").asText()).isNotBlank();
            for (JsonNode rule : group.path("rules")) {
                String alert = rule.path("alert").asText();
                assertThat(alerts.add(alert)).as("alert %s named once", alert).isTrue();
                assertThat(alert).matches("Upright[A-Za-z]+");
                assertThat(rule.path("for").asText()).as(alert + " for").matches("[0-9]+[smh]");
                assertThat(SEVERITIES).as(alert + " severity").contains(rule.at("/labels/severity").asText());
                assertThat(rule.at("/annotations/summary").asText()).as(alert + " summary").isNotBlank();
                assertThat(rule.at("/annotations/runbook").asText()).as(alert + " runbook").startsWith("docs/operations.md");
                assertThat(runbook).as("docs/operations.md explains " + alert).contains("`" + alert + "`");
                List<String> series = series(rule.path("expr").asText());
                assertThat(series).as(alert + " watches an Upright series").isNotEmpty();
                assertThat(exposed).as(alert + " reads series the services expose").containsAll(series);
            }
        }
    }

    @Test
    void the_dashboard_graphs_every_upright_series_and_only_real_ones() throws IOException {
        Set<String> exposed = exposedSeries();
        JsonNode dashboard = json.readTree(ROOT.resolve("deploy/monitoring/grafana-dashboard.json").toFile());
        assertThat(dashboard.path("uid").asText()).isEqualTo("upright-operations");
        Set<Integer> ids = new HashSet<>();
        Set<String> graphed = new TreeSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(ids.add(panel.path("id").asInt())).as("panel ids unique").isTrue();
            assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
            for (JsonNode target : panel.path("targets")) {
                List<String> series = series(target.path("expr").asText());
                assertThat(exposed).as(panel.path("title").asText()).containsAll(series);
                series.forEach(s -> graphed.add(family(s)));
            }
        }
        Set<String> families = new TreeSet<>();
        exposed.forEach(s -> families.add(family(s)));
        assertThat(graphed).as("every Upright metric on the dashboard").containsAll(families);
    }

    /** The Prometheus names of every meter registered in the services' and the platform's code. */
    static Set<String> exposedSeries() throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(ROOT.resolve("services"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/java/")).toList()) {
                Matcher m = METER.matcher(Files.readString(file));
                while (m.find()) {
                    String base = m.group(2).replace('.', '_');
                    boolean seconds = m.group(3).contains("baseUnit(\"seconds\")");
                    switch (m.group(1)) {
                        case "Counter" -> names.add(base + "_total");
                        case "Timer" -> List.of("_bucket", "_count", "_sum", "_max").forEach(s -> names.add(base + "_seconds" + s));
                        default -> names.add(seconds ? base + "_seconds" : base);
                    }
                }
            }
        }
        assertThat(names).as("meters found in the services' code").contains("upright_outbox_backlog", "upright_consumer_lag");
        return names;
    }

    private static List<String> series(String expr) {
        List<String> found = new ArrayList<>();
        Matcher m = SERIES.matcher(expr);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    /** A histogram's series are one metric: upright_x_seconds_bucket and _count belong to upright_x_seconds. */
    private static String family(String series) {
        return series.replaceAll("_(bucket|count|sum|max)$", "");
    }
}
