package io.rollcall.infrastructure.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard in {@code docker/grafana} queries only metrics the server exports ({@link MetricNames}), and
 * shows every one of them, so that renaming a metric without the dashboard (or the reverse) fails here.
 */
class DashboardMetricsTest {

    private static final Path DASHBOARD = Path.of("docker/grafana/rollcall-dashboard.json");
    private static final Pattern METRIC = Pattern.compile("\\b(rollcall_[a-z_]+)\\b");

    @Test
    void everyQueriedMetricIsExportedByTheServer() throws Exception {
        Set<String> queried = queriedMetrics();

        assertThat(queried).isNotEmpty();
        assertThat(MetricNames.exported()).containsAll(queried);
    }

    @Test
    void everyExportedMetricFamilyIsOnTheDashboard() throws Exception {
        Set<String> queried = queriedMetrics();

        for (String name : MetricNames.COUNTERS) {
            assertThat(queried).as("dashboard queries of %s", name).contains(name + "_total");
        }
        for (String name : MetricNames.TIMERS) {
            assertThat(queried).as("dashboard queries of %s", name).contains(name + "_seconds_bucket");
        }
        for (String name : MetricNames.GAUGES) {
            assertThat(queried).as("dashboard queries of %s", name).contains(name);
        }
    }

    @Test
    void everyPanelQueriesRollcallMetrics() throws Exception {
        for (JsonNode panel : new ObjectMapper().readTree(DASHBOARD.toFile()).path("panels")) {
            assertThat(panel.path("targets"))
                    .as("targets of panel %s", panel.path("title"))
                    .isNotEmpty();
            for (JsonNode target : panel.path("targets")) {
                assertThat(METRIC.matcher(target.path("expr").asText()).find())
                        .as("panel %s queries a Rollcall metric", panel.path("title"))
                        .isTrue();
            }
        }
    }

    /** Every {@code rollcall_*} name in a query of the dashboard (panel targets and template variables). */
    private static Set<String> queriedMetrics() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        List<String> queries = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> panel.path("targets")
                .forEach(target -> queries.add(target.path("expr").asText())));
        dashboard
                .path("templating")
                .path("list")
                .forEach(variable -> queries.add(variable.path("query").asText()));
        Set<String> names = new TreeSet<>();
        for (String query : queries) {
            Matcher m = METRIC.matcher(query);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }
}
