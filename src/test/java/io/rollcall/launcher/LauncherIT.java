package io.rollcall.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.it.ListeningSockets;
import io.rollcall.it.RollcallServer;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the bundle's launcher decides before and after Payara Micro boots: standalone unless configured, and no
 * instance left running without its application. Database-independent, so it runs in the H2 execution only.
 */
class LauncherIT {

    @Test
    void aStandaloneInstanceListensOnlyOnItsHttpPortAndSendsNoDiscovery() throws Exception {
        RollcallServer server = RollcallServer.shared();

        ListeningSockets sockets = ListeningSockets.of(server.pid());

        Set<Integer> expected = new HashSet<>(Set.of(server.baseUrl().getPort()));
        h2AutoServerPort(server.jdbcUrl()).ifPresent(expected::add);
        assertThat(sockets.tcpListening()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(sockets.udpBound()).isEmpty();
    }

    /**
     * The test harness opens the H2 file with {@code AUTO_SERVER=TRUE} (so tests can read the server's database), which
     * makes H2 listen on a port of its own; it records that port in its lock file. Not something Rollcall opens.
     */
    private static OptionalInt h2AutoServerPort(String jdbcUrl) throws Exception {
        if (!jdbcUrl.startsWith("jdbc:h2:file:") || !jdbcUrl.contains("AUTO_SERVER=TRUE")) {
            return OptionalInt.empty();
        }
        String path = jdbcUrl.substring("jdbc:h2:file:".length(), jdbcUrl.indexOf(';'));
        Properties lock = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(path + ".lock.db"))) {
            lock.load(in);
        }
        String server = lock.getProperty("server");
        return server == null
                ? OptionalInt.empty()
                : OptionalInt.of(Integer.parseInt(server.substring(server.lastIndexOf(':') + 1)));
    }

    @Test
    void anInstanceWhoseDeploymentFailsExitsNonZero() throws Exception {
        // A bootstrap token below the minimum length makes the application refuse to deploy.
        RollcallServer server = RollcallServer.launch(Map.of("ROLLCALL_BOOTSTRAP_TOKEN", "rcp_too-short"));
        try {
            OptionalInt status = server.awaitExit(Duration.ofMinutes(4));

            assertThat(status).as("exit status (log: %s)", server.log()).hasValue(RollcallLauncher.EXIT_NOT_DEPLOYED);
        } finally {
            server.stop();
        }
    }

    @Test
    void clusterSettingsOnEmbeddedH2AreRefusedAtStartUpWithExitStatus2() throws Exception {
        RollcallServer server =
                RollcallServer.launch(Map.of("ROLLCALL_CLUSTER_MEMBERS", "127.0.0.1:" + RollcallServer.freePort()));
        try {
            OptionalInt status = server.awaitExit(Duration.ofMinutes(2));

            assertThat(status).as("exit status (log: %s)", server.log()).hasValue(2);
            assertThat(Files.readString(server.log()))
                    .contains("embedded H2, which is single-instance")
                    .doesNotContain("DG Size");
        } finally {
            server.stop();
        }
    }
}
