package io.rollcall.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.rollcall.it.Api;
import io.rollcall.it.RollcallServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The connection pool's figures at {@code /metrics} are Payara's pool as it is: they add up, they move with
 * traffic, they match the connections the database itself sees from the server, and an exhausted pool shows as such.
 */
class ConnectionPoolMetricsIT {

    /** {@code maxPoolSize} of {@code PersistenceResources}. */
    private static final int MAX_POOL_SIZE = 32;
    /** {@code minPoolSize} of {@code PersistenceResources}: the pool never holds fewer open connections. */
    private static final int MIN_POOL_SIZE = 2;

    private final RollcallServer server = RollcallServer.shared();
    private final Api anonymous = new Api(server.baseUrl(), null);
    private final Api owner = new Api(server.baseUrl(), server.ownerToken());

    @Test
    void theFiguresAddUpToAPoolBetweenItsMinimumAndMaximumSize() {
        assertThat(owner.get("/api/v1/workspaces/default/members").status()).isEqualTo(200);

        String metrics = metrics();

        assertThat(metrics)
                .contains("# TYPE rollcall_db_pool_connections gauge")
                .contains("# TYPE rollcall_db_pool_waiting gauge")
                .contains("# TYPE rollcall_db_pool_wait_timeouts_total counter");
        double active = value(metrics, "rollcall_db_pool_connections", "state=\"active\"");
        double idle = value(metrics, "rollcall_db_pool_connections", "state=\"idle\"");
        assertThat(active).isGreaterThanOrEqualTo(0);
        assertThat(idle).isGreaterThanOrEqualTo(0);
        assertThat(active + idle).isBetween((double) MIN_POOL_SIZE, (double) MAX_POOL_SIZE);
        assertThat(value(metrics, "rollcall_db_pool_connections_max", "")).isEqualTo(MAX_POOL_SIZE);
        // Nothing runs these requests in parallel: no thread can be waiting for one of 32 connections.
        assertThat(value(metrics, "rollcall_db_pool_waiting", "")).isZero();
        assertThat(value(metrics, "rollcall_db_pool_wait_timeouts_total", "")).isZero();
    }

    @Test
    void everyRequestForAConnectionIsTimed() {
        int requests = 5;
        double before = value(metrics(), "rollcall_db_pool_wait_seconds_count", "");

        for (int i = 0; i < requests; i++) {
            // Each call reads the workspace's members: at least one connection from the pool.
            assertThat(owner.get("/api/v1/workspaces/default/members").status()).isEqualTo(200);
        }

        String metrics = metrics();
        assertThat(value(metrics, "rollcall_db_pool_wait_seconds_count", "")).isGreaterThanOrEqualTo(before + requests);
        assertThat(value(metrics, "rollcall_db_pool_wait_seconds_bucket", "le=\"+Inf\""))
                .isEqualTo(value(metrics, "rollcall_db_pool_wait_seconds_count", ""));
        assertThat(value(metrics, "rollcall_db_pool_wait_seconds_sum", "")).isGreaterThanOrEqualTo(0);
    }

    @Test
    void theOpenConnectionsAreTheOnesTheDatabaseSeesFromTheServer() throws SQLException {
        assertThat(owner.get("/api/v1/workspaces/default/members").status()).isEqualTo(200);

        try (Connection db = server.jdbc();
                Statement statement = db.createStatement()) {
            // The pool may open or close a connection between two readings (it resizes in the background): compare
            // only a database count taken between two scrapes that agree.
            for (int attempt = 0; ; attempt++) {
                double openBefore = open(metrics());
                long seen = connectionsFromTheServer(statement);
                double openAfter = open(metrics());
                if (openBefore == openAfter || attempt == 4) {
                    assertThat(openAfter).isEqualTo(openBefore);
                    assertThat(seen).isEqualTo((long) openAfter);
                    return;
                }
            }
        }
    }

    /**
     * Every connection handed out and the threads queueing for one, while requests are blocked in the database: the
     * test write-locks the groups table and sends more concurrent group listings than the pool has connections.
     * MariaDB only: a table lock there keeps readers waiting until it is released, where H2 gives up after seconds.
     */
    @Test
    void anExhaustedPoolShowsEveryConnectionActiveAndTheRestWaiting() throws Exception {
        assumeTrue("mariadb".equals(server.db()), "needs MariaDB's lock waits");
        int blocked = MAX_POOL_SIZE + 8;
        String before = metrics();
        double served = value(before, "rollcall_db_pool_wait_seconds_count", "");
        double servedAtOnce = value(before, "rollcall_db_pool_wait_seconds_bucket", "le=\"0.001\"");
        ExecutorService clients = Executors.newFixedThreadPool(blocked);
        List<Future<Api.Reply>> listings = new ArrayList<>();
        String saturated;
        try (Connection db = server.jdbc();
                Statement statement = db.createStatement()) {
            statement.execute("LOCK TABLES member_group WRITE");
            for (int i = 0; i < blocked; i++) {
                listings.add(clients.submit(() -> owner.get("/api/v1/workspaces/default/groups")));
            }
            // Until the pool is exhausted: every connection handed out and the rest queued. While the pool grows,
            // threads whose connection is still being opened are neither active nor idle, and others queue behind
            // them, so a scrape then shows the full queue beside fewer than the maximum active (CI saw 22 active and
            // 8 waiting). Should the figures never get there, the listings end by themselves (the client's timeout)
            // and the assertions below fail.
            do {
                Thread.sleep(50);
                saturated = metrics();
            } while (!(waiting(saturated) == blocked - MAX_POOL_SIZE
                            && value(saturated, "rollcall_db_pool_connections", "state=\"active\"") == MAX_POOL_SIZE)
                    && !listings.stream().allMatch(Future::isDone));
            statement.execute("UNLOCK TABLES");
        } finally {
            clients.shutdown();
        }
        for (Future<Api.Reply> listing : listings) {
            assertThat(listing.get().status()).as(listing.get().toString()).isEqualTo(200);
        }

        assertThat(value(saturated, "rollcall_db_pool_connections", "state=\"active\""))
                .isEqualTo(MAX_POOL_SIZE);
        assertThat(value(saturated, "rollcall_db_pool_connections", "state=\"idle\""))
                .isZero();
        assertThat(waiting(saturated)).isEqualTo(blocked - MAX_POOL_SIZE);
        String after = metrics();
        assertThat(waiting(after)).isZero();
        double servedSince = value(after, "rollcall_db_pool_wait_seconds_count", "") - served;
        assertThat(servedSince).isGreaterThanOrEqualTo(blocked);
        // The queued requests waited for a connection (until the lock was released): some waits of 1 ms or more.
        assertThat(value(after, "rollcall_db_pool_wait_seconds_bucket", "le=\"0.001\"") - servedAtOnce)
                .isLessThan(servedSince);
    }

    private static double waiting(String metrics) {
        return value(metrics, "rollcall_db_pool_waiting", "");
    }

    /** Sessions on the server's database other than this test's own. */
    private long connectionsFromTheServer(Statement statement) throws SQLException {
        String query = "mariadb".equals(server.db())
                ? "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = DATABASE() AND ID <> CONNECTION_ID()"
                : "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID <> SESSION_ID()";
        try (ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private double open(String metrics) {
        return value(metrics, "rollcall_db_pool_connections", "state=\"active\"")
                + value(metrics, "rollcall_db_pool_connections", "state=\"idle\"");
    }

    private String metrics() {
        Api.Reply reply = anonymous.send("GET", "/metrics", null, null);
        assertThat(reply.status()).isEqualTo(200);
        return reply.body();
    }

    /** The value of the one series of {@code name} whose labels contain {@code label}. */
    private static double value(String metrics, String name, String label) {
        Pattern series = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)} ([-+0-9.eE]+|NaN)$");
        Matcher m = series.matcher(metrics);
        Double found = null;
        while (m.find()) {
            if (m.group(1).contains(label)) {
                assertThat(found).as("one series %s{%s}", name, label).isNull();
                found = Double.parseDouble(m.group(2));
            }
        }
        assertThat(found).as("series %s{%s} in /metrics", name, label).isNotNull();
        return found;
    }
}
