package io.rollcall.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.it.Api;
import io.rollcall.it.ListeningSockets;
import io.rollcall.it.RollcallServer;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Three real bundles started at the same moment on one empty MariaDB database: {@code a} and {@code b} configured as a
 * two-member cluster on loopback, {@code c} with no cluster settings. Runs in the MariaDB execution only (H2 is
 * single-instance).
 */
class SeveralInstancesIT {

    private static final String TOKEN = "rcp_it_several-instances-" + Long.toHexString(System.nanoTime());
    private static final Pattern MEMBERS = Pattern.compile("Members \\{size:(\\d+)");

    private static RollcallServer a;
    private static RollcallServer b;
    private static RollcallServer c;
    private static int gridPortA;
    private static int gridPortB;

    @BeforeAll
    static void startThreeInstancesAtOnce() {
        // The H2 execution excludes this class; the guard is for runs that name it (-Dit.test=...).
        Assumptions.assumeTrue("mariadb".equals(System.getProperty("rollcall.it.db")), "needs MariaDB");
        String url = RollcallServer.newDatabase();
        gridPortA = RollcallServer.freePort();
        gridPortB = RollcallServer.freePort();
        String members = "127.0.0.1:" + gridPortA + ",127.0.0.1:" + gridPortB;
        String clusterName = "rollcall-it-" + Long.toHexString(System.nanoTime());
        Map<String, String> common = Map.of("ROLLCALL_DB_URL", url, "ROLLCALL_BOOTSTRAP_TOKEN", TOKEN);
        a = RollcallServer.launch(clustered(common, members, clusterName, gridPortA));
        b = RollcallServer.launch(clustered(common, members, clusterName, gridPortB));
        c = RollcallServer.launch(common);
        // Three boots share the machine's cores: allow three single boots' time.
        Duration timeout = RollcallServer.startTimeout().multipliedBy(3);
        CompletableFuture.allOf(CompletableFuture.runAsync(() -> a.awaitReady(timeout)),
                CompletableFuture.runAsync(() -> b.awaitReady(timeout)),
                CompletableFuture.runAsync(() -> c.awaitReady(timeout))).join();
    }

    private static Map<String, String> clustered(Map<String, String> common, String members, String name, int port) {
        Map<String, String> env = new HashMap<>(common);
        env.put("ROLLCALL_CLUSTER_MEMBERS", members);
        env.put("ROLLCALL_CLUSTER_NAME", name);
        env.put("ROLLCALL_CLUSTER_INTERFACE", "127.0.0.1");
        env.put("ROLLCALL_CLUSTER_PORT", Integer.toString(port));
        return env;
    }

    @AfterAll
    static void stopAll() {
        for (RollcallServer server : new RollcallServer[] {a, b, c}) {
            if (server != null) {
                server.stop();
            }
        }
    }

    @Test
    void instancesStartedTogetherOnAnEmptyDatabaseAllServeOneBootstrappedWorkspace() throws Exception {
        for (RollcallServer server : List.of(a, b, c)) {
            Api api = new Api(server.baseUrl(), TOKEN);
            assertThat(api.get("/api/v1/me").json().get("memberships").findValuesAsText("workspace"))
                    .containsExactly("default");
        }
        try (Connection connection = a.jdbc(); Statement s = connection.createStatement()) {
            assertThat(count(s, "SELECT COUNT(*) FROM workspace")).isEqualTo(1);
            assertThat(count(s, "SELECT COUNT(*) FROM member WHERE role_id = 'owner'")).isEqualTo(1);
            assertThat(count(s, "SELECT COUNT(*) FROM account")).isEqualTo(1);
            assertThat(count(s, "SELECT COUNT(*) FROM api_token")).isEqualTo(1);
        }
    }

    @Test
    void configuredInstancesFormAGridOfExactlyTheConfiguredMembersOnTheBoundInterface() throws Exception {
        assertThat(lastGridSize(a)).isEqualTo(2);
        assertThat(lastGridSize(b)).isEqualTo(2);
        assertThat(ListeningSockets.of(a.pid()).tcpListening()).containsExactlyInAnyOrder(a.baseUrl().getPort(),
                gridPortA);
        assertThat(ListeningSockets.of(b.pid()).tcpListening()).containsExactlyInAnyOrder(b.baseUrl().getPort(),
                gridPortB);
    }

    @Test
    void anInstanceWithoutClusterSettingsOnTheSameHostStaysAlone() throws Exception {
        ListeningSockets sockets = ListeningSockets.of(c.pid());

        assertThat(sockets.tcpListening()).containsExactly(c.baseUrl().getPort());
        assertThat(sockets.udpBound()).isEmpty();
        assertThat(Files.readString(c.log())).doesNotContain("Members {size:");
    }

    /** The size of the grid in the last membership list Hazelcast logged. */
    private static int lastGridSize(RollcallServer server) throws Exception {
        Matcher matcher = MEMBERS.matcher(Files.readString(server.log()));
        List<Integer> sizes = new ArrayList<>();
        while (matcher.find()) {
            sizes.add(Integer.parseInt(matcher.group(1)));
        }
        assertThat(sizes).as("membership lists in %s", server.log()).isNotEmpty();
        return sizes.get(sizes.size() - 1);
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
