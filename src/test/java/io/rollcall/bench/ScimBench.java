package io.rollcall.bench;

import static io.rollcall.it.Api.q;

import io.rollcall.it.Api;
import io.rollcall.it.RollcallServer;
import io.rollcall.it.TestAccounts;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The SCIM benchmarks of issue 3, run by hand ({@code bench/run.sh}), never by Maven. Starts the real bundle on a fresh
 * MariaDB database (dropped at exit), seeds large data by SQL, and prints medians as Markdown. Loopback only, every
 * loop bounded.
 *
 * <p>Options (system properties): {@code bench.users} users seeded for the filter test (default 1,000,000),
 * {@code bench.creates} creates per run (2,000), {@code bench.warmup} creates before the measured runs (20,000),
 * {@code bench.runs} measured runs (3), {@code bench.threads} client threads (4), {@code bench.ops}
 * add/remove pairs per group size (200), {@code bench.reads} reads per kind (500), {@code bench.createsOnly} the
 * create measurement alone (no seeding).
 */
public final class ScimBench {

    private static final int USERS = Integer.getInteger("bench.users", 1_000_000);
    private static final int CREATES = Integer.getInteger("bench.creates", 2_000);
    private static final int THREADS = Integer.getInteger("bench.threads", 4);
    private static final int OPS = Integer.getInteger("bench.ops", 200);
    private static final int READS = Integer.getInteger("bench.reads", 500);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 20_000);
    private static final int RUNS = Integer.getInteger("bench.runs", 3);
    private static final String PATCH =
            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"]," + "\"Operations\":[";

    private final RollcallServer server;
    private final Api admin;
    private final List<String> report = new ArrayList<>();

    private ScimBench(RollcallServer server) {
        this.server = server;
        this.admin =
                new Api(server.baseUrl(), TestAccounts.create(server, "bench").token());
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("rollcall.it.db", System.getProperty("rollcall.it.db", "mariadb"));
        // A benchmark measures throughput, so the per-token rate limits (sized for real IdPs) are off.
        RollcallServer server = RollcallServer.start(
                Map.of("ROLLCALL_RATE_LIMIT_SCIM_PER_SECOND", "0", "ROLLCALL_RATE_LIMIT_API_PER_SECOND", "0"));
        try {
            new ScimBench(server).run();
        } finally {
            server.stop();
        }
    }

    private void run() throws Exception {
        boolean filterOnly = Boolean.getBoolean("bench.filterOnly");
        boolean fullGroupOnly = Boolean.getBoolean("bench.fullGroupOnly");
        if (!fullGroupOnly && !filterOnly) {
            creates();
        }
        if (Boolean.getBoolean("bench.createsOnly")) {
            System.out.println("\n## Results\n");
            report.forEach(System.out::println);
            return;
        }
        if (!filterOnly) {
            groupMembershipChanges();
        }
        if (!fullGroupOnly) {
            filterAtScale();
        }
        if (!filterOnly) {
            fullGroupRead();
        }
        System.out.println("\n## Results\n");
        report.forEach(System.out::println);
    }

    // --- 1. POST /Users vs raw JDBC ------------------------------------------------------------------------------

    private void creates() throws Exception {
        Workspace w = workspace("bench-create");
        Workspace jdbcSpace = workspace("bench-jdbc");
        // Payara's JIT keeps compiling for tens of thousands of requests; "sustained" means after that.
        log("creates warm-up: %.0f/s over %d creates", timedCreates(w, "warmup", WARMUP), WARMUP);
        log("JDBC warm-up: %.0f/s over %d inserts", timedJdbcInserts(jdbcSpace.id, "warmup", WARMUP), WARMUP);
        timedJdbcCreateRows(jdbcSpace.id, "warmup-rows", WARMUP / 4);
        List<Double> scim = new ArrayList<>();
        List<Double> jdbc = new ArrayList<>();
        List<Double> rows = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            scim.add(timedCreates(w, "r" + run, CREATES));
            jdbc.add(timedJdbcInserts(jdbcSpace.id, "r" + run, CREATES));
            rows.add(timedJdbcCreateRows(jdbcSpace.id, "t" + run, CREATES));
            log(
                    "creates run %d: SCIM %.0f/s (%.2f ms per create per thread), JDBC %.0f/s, JDBC create rows %.0f/s",
                    run, scim.get(run), 1000.0 * THREADS / scim.get(run), jdbc.get(run), rows.get(run));
        }
        cpuPerCreate(w, jdbcSpace.id);
        double s = median(scim);
        double j = median(jdbc);
        double r = median(rows);
        report.add(String.format(
                "| POST /Users, %d threads, %d per run | %.0f creates/s | raw JDBC single-row inserts"
                        + " %.0f rows/s | %.0f %% of JDBC |",
                THREADS, CREATES, s, j, 100 * s / j));
        report.add(String.format(
                "| raw JDBC, a create's rows (member, e-mail, audit) in one transaction | %.0f/s |"
                        + " %.0f %% of single-row inserts | SCIM is %.0f %% of this |",
                r, 100 * r / j, 100 * s / r));
    }

    private double timedCreates(Workspace w, String prefix, int n) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        long start = System.nanoTime();
        parallel(() -> {
            try (LeanHttpClient http = new LeanHttpClient(server.baseUrl(), w.token())) {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    String userName = prefix + "-" + i + "@bench.example";
                    LeanHttpClient.Reply reply = http.post(
                            "/scim/v2/Users",
                            "application/scim+json",
                            "{\"schemas\":"
                                    + "[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":" + q(userName)
                                    + ",\"name\":{\"givenName\":\"Bench\",\"familyName\":\"User " + i + "\"},"
                                    + "\"emails\":[{\"value\":" + q(userName) + ",\"type\":\"work\",\"primary\":true}],"
                                    + "\"active\":true}");
                    if (reply.status() != 201 || !reply.body().contains(userName)) {
                        failures.incrementAndGet();
                        firstFailure.compareAndSet(null, reply.status() + " " + reply.body());
                    }
                }
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " creates failed, first: " + firstFailure.get());
        }
        return n / seconds;
    }

    /**
     * CPU milliseconds per operation of the server, MariaDB and this client, from /proc (Linux only): where a create's
     * cost goes when client, server and database share the machine.
     */
    private void cpuPerCreate(Workspace w, String jdbcWorkspace) throws Exception {
        if (!Files.isReadable(Path.of("/proc/self/stat"))) {
            return;
        }
        long mariadb = mariadbPid();
        long self = ProcessHandle.current().pid();
        long[] before = {cpuTicks(server.pid()), cpuTicks(mariadb), cpuTicks(self)};
        timedCreates(w, "cpu", CREATES);
        long[] afterScim = {cpuTicks(server.pid()), cpuTicks(mariadb), cpuTicks(self)};
        timedJdbcInserts(jdbcWorkspace, "cpu", CREATES);
        long[] afterJdbc = {cpuTicks(server.pid()), cpuTicks(mariadb), cpuTicks(self)};
        double tickMs = 1000.0 / 100; // USER_HZ is 100 on Linux
        log(
                "CPU ms per SCIM create: server %.2f, MariaDB %.2f, client %.2f",
                (afterScim[0] - before[0]) * tickMs / CREATES,
                (afterScim[1] - before[1]) * tickMs / CREATES,
                (afterScim[2] - before[2]) * tickMs / CREATES);
        log(
                "CPU ms per JDBC insert: MariaDB %.2f, client %.2f",
                (afterJdbc[1] - afterScim[1]) * tickMs / CREATES, (afterJdbc[2] - afterScim[2]) * tickMs / CREATES);
        report.add(String.format(
                "| CPU ms per operation (server / MariaDB / client) | SCIM create %.2f / %.2f / %.2f"
                        + " | JDBC insert — / %.2f / %.2f | |",
                (afterScim[0] - before[0]) * tickMs / CREATES,
                (afterScim[1] - before[1]) * tickMs / CREATES,
                (afterScim[2] - before[2]) * tickMs / CREATES,
                (afterJdbc[1] - afterScim[1]) * tickMs / CREATES,
                (afterJdbc[2] - afterScim[2]) * tickMs / CREATES));
    }

    private static long mariadbPid() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info()
                        .command()
                        .map(c -> c.endsWith("/mariadbd") || c.endsWith("/mysqld"))
                        .orElse(false))
                .mapToLong(ProcessHandle::pid)
                .findFirst()
                .orElse(-1);
    }

    /** utime + stime of a process in clock ticks; 0 when it cannot be read. */
    private static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * What a create writes, by hand: the member, e-mail and audit rows in one transaction, on a connection kept out of
     * autocommit (no toggling), same thread count. The database's floor for a create, with no HTTP, JSON or JPA.
     */
    private double timedJdbcCreateRows(String workspace, String prefix, int n) throws Exception {
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        parallel(() -> {
            try (Connection c = server.jdbc();
                    PreparedStatement member = c.prepareStatement(MEMBER_INSERT);
                    PreparedStatement email = c.prepareStatement(EMAIL_INSERT);
                    PreparedStatement audit = c.prepareStatement(AUDIT_INSERT)) {
                c.setAutoCommit(false);
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    String id = UUID.randomUUID().toString();
                    String userName = prefix + "-" + i + "@bench.example";
                    bindMember(member, id, workspace, userName);
                    member.executeUpdate();
                    email.setString(1, UUID.randomUUID().toString());
                    email.setString(2, id);
                    email.setString(3, userName);
                    email.setString(4, userName);
                    email.executeUpdate();
                    audit.setString(1, UUID.randomUUID().toString());
                    audit.setString(2, workspace);
                    audit.setTimestamp(3, Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC)));
                    audit.setString(4, id);
                    audit.setString(5, "{\"userName\":\"" + userName + "\"}");
                    audit.executeUpdate();
                    c.commit();
                }
            }
        });
        return n / ((System.nanoTime() - start) / 1e9);
    }

    private static final String EMAIL_INSERT = "INSERT INTO member_email (id, member_id, position, email_value,"
            + " value_lower, email_type, is_primary) VALUES (?, ?, 0, ?, ?, 'work', TRUE)";
    private static final String AUDIT_INSERT = "INSERT INTO audit_event (id, workspace_id, occurred_at, actor_type,"
            + " actor_id, actor_label, action, target_type, target_id, summary) VALUES (?, ?, ?, 'SCIM_TOKEN', 'bench',"
            + " 'bench', 'scim.user.created', 'member', ?, ?)";

    /** One INSERT per row, autocommit, same thread count: the floor a create can cost in this database. */
    private double timedJdbcInserts(String workspace, String prefix, int n) throws Exception {
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        parallel(() -> {
            try (Connection c = server.jdbc();
                    PreparedStatement insert = c.prepareStatement(MEMBER_INSERT)) {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    bindMember(insert, UUID.randomUUID().toString(), workspace, prefix + "-" + i + "@bench.example");
                    insert.executeUpdate();
                }
            }
        });
        return n / ((System.nanoTime() - start) / 1e9);
    }

    // --- 2. Membership changes on groups of 10, 10k, 100k; list with excludedAttributes=members ---------------------

    private void groupMembershipChanges() throws Exception {
        Workspace w = workspace("bench-groups");
        // "g" members fill the groups; "x" members are the ones added and removed.
        seedMembers(w.id, "g", 100_000);
        seedMembers(w.id, "x", OPS + 10);
        String g10 = w.group("size-10");
        String g10k = w.group("size-10k");
        String g100k = w.group("size-100k");
        seedMemberships(w.id, g10, 10);
        seedMemberships(w.id, g10k, 10_000);
        seedMemberships(w.id, g100k, 100_000);
        String[] groups = {g10, g10k, g100k};
        Map<String, List<Double>> add =
                Map.of(g10, new ArrayList<>(), g10k, new ArrayList<>(), g100k, new ArrayList<>());
        Map<String, List<Double>> remove =
                Map.of(g10, new ArrayList<>(), g10k, new ArrayList<>(), g100k, new ArrayList<>());
        for (int i = 0; i < OPS + 20; i++) {
            String member = memberId(w.id, "x", i % (OPS + 10));
            for (String group : groups) {
                long t0 = System.nanoTime();
                expect(
                        w.scim.patch(
                                "/scim/v2/Groups/" + group,
                                PATCH + "{\"op\":\"add\",\"path\":\"members\"," + "\"value\":[{\"value\":" + q(member)
                                        + "}]}]}"),
                        204);
                long t1 = System.nanoTime();
                expect(
                        w.scim.patch(
                                "/scim/v2/Groups/" + group,
                                PATCH + "{\"op\":\"remove\",\"path\":" + "\"members[value eq \\\"" + member
                                        + "\\\"]\"}]}"),
                        204);
                long t2 = System.nanoTime();
                if (i >= 20) { // the first 20 rounds warm up
                    add.get(group).add((t1 - t0) / 1e6);
                    remove.get(group).add((t2 - t1) / 1e6);
                }
            }
        }
        report.add(String.format(
                "| PATCH add one member (median ms) | 10: %.2f | 10k: %.2f | 100k: %.2f | ratio" + " 100k/10 = %.2f |",
                median(add.get(g10)),
                median(add.get(g10k)),
                median(add.get(g100k)),
                median(add.get(g100k)) / median(add.get(g10))));
        report.add(String.format(
                "| PATCH remove one member (median ms) | 10: %.2f | 10k: %.2f | 100k: %.2f | ratio"
                        + " 100k/10 = %.2f |",
                median(remove.get(g10)),
                median(remove.get(g10k)),
                median(remove.get(g100k)),
                median(remove.get(g100k)) / median(remove.get(g10))));

        // Listing: three 100k-member groups here vs three empty groups in another workspace, same filter.
        for (String name : List.of("big-0", "big-1", "big-2")) {
            seedMemberships(w.id, w.group(name), 100_000);
        }
        Workspace empty = workspace("bench-empty");
        for (String name : List.of("big-0", "big-1", "big-2")) {
            empty.group(name);
        }
        String list = "/scim/v2/Groups?excludedAttributes=members&filter=" + enc("displayName sw \"big\"");
        List<Double> big = new ArrayList<>();
        List<Double> none = new ArrayList<>();
        for (int i = 0; i < READS + 50; i++) {
            double tb = timed(() -> expectTotal(w.scim.get(list), 3));
            double te = timed(() -> expectTotal(empty.scim.get(list), 3));
            if (i >= 50) {
                big.add(tb);
                none.add(te);
            }
        }
        report.add(String.format(
                "| GET /Groups?excludedAttributes=members, 3 groups (median ms) | 100k members each:"
                        + " %.2f | empty: %.2f | ratio %.2f |",
                median(big), median(none), median(big) / median(none)));
        fullGroup = g100k;
        fullGroupSpace = w;
    }

    private String fullGroup;
    private Workspace fullGroupSpace;

    /** Last, because it is the one most likely to hurt the server: all 100,000 members in one response. */
    private void fullGroupRead() {
        // Over HTTP/1.1 first: java.net.http otherwise negotiates h2c, which this measurement is not about.
        java.net.http.HttpClient http11 = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .build();
        List<Double> plain = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                long t0 = System.nanoTime();
                java.net.http.HttpResponse<byte[]> response = http11.send(
                        java.net.http.HttpRequest.newBuilder(server.baseUrl().resolve("/scim/v2/Groups/" + fullGroup))
                                .header("Authorization", "Bearer " + fullGroupSpace.token)
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
                double ms = (System.nanoTime() - t0) / 1e6;
                log(
                        "full group over HTTP/1.1: %d, %,d bytes, %.0f ms",
                        response.statusCode(), response.body().length, ms);
                if (i > 0) {
                    plain.add(ms);
                }
            }
            report.add(String.format(
                    "| GET /Groups/{id} with all 100,000 members, HTTP/1.1 (server -Xmx1g, median of 5)"
                            + " | %.0f ms |",
                    median(plain)));
        } catch (Exception e) {
            report.add("| GET /Groups/{id} with all 100,000 members, HTTP/1.1 | FAILED: " + e + " |");
        }
        List<Double> full = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                double t = timed(() -> expect(fullGroupSpace.scim.get("/scim/v2/Groups/" + fullGroup), 200));
                if (i > 0) {
                    full.add(t);
                }
            }
            report.add(String.format(
                    "| GET /Groups/{id} with all 100,000 members (server -Xmx1g, median of 5) |" + " %.0f ms |",
                    median(full)));
        } catch (RuntimeException e) {
            report.add("| GET /Groups/{id} with all 100,000 members (server -Xmx1g) | FAILED after " + full.size()
                    + " reads: " + e + (e.getCause() == null ? "" : " / " + e.getCause()) + " |");
        }
    }

    // --- 3. filter=userName eq at scale vs GET by id --------------------------------------------------------------

    private void filterAtScale() throws Exception {
        Workspace w = workspace("bench-filter");
        long t0 = System.nanoTime();
        seedMembers(w.id, "u", USERS);
        log("seeded %d users in %.0f s", USERS, (System.nanoTime() - t0) / 1e9);
        Random random = new Random(42);
        List<Double> byFilter = new ArrayList<>();
        List<Double> byId = new ArrayList<>();
        for (int i = 0; i < READS + 50; i++) {
            int n = random.nextInt(USERS);
            String id = memberId(w.id, "u", n);
            String filter = "/scim/v2/Users?filter=" + enc("userName eq \"" + userName("u", n) + "\"");
            double f = timed(() -> expectTotal(w.scim.get(filter), 1));
            double g = timed(() -> expect(w.scim.get("/scim/v2/Users/" + id), 200));
            if (i >= 50) {
                byFilter.add(f);
                byId.add(g);
            }
        }
        report.add(String.format(
                "| %,d users: filter=userName eq (median ms) | %.2f | GET /Users/{id} | %.2f |" + " ratio %.2f |",
                USERS, median(byFilter), median(byId), median(byFilter) / median(byId)));
    }

    // --- seeding by SQL ---------------------------------------------------------------------------------------------

    private static final String MEMBER_INSERT = "INSERT INTO member (id, workspace_id, role_id, user_name,"
            + " user_name_lower, active, origin, created_at, updated_at, version) VALUES (?, ?, 'viewer', ?, ?, TRUE,"
            + " 'SCIM', ?, ?, 1)";

    private static void bindMember(PreparedStatement insert, String id, String workspace, String userName)
            throws java.sql.SQLException {
        Timestamp now = Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC));
        insert.setString(1, id);
        insert.setString(2, workspace);
        insert.setString(3, userName);
        insert.setString(4, userName.toLowerCase(java.util.Locale.ROOT));
        insert.setTimestamp(5, now);
        insert.setTimestamp(6, now);
    }

    /** Deterministic ids, so that nothing has to be kept in memory. */
    private static String memberId(String workspace, String prefix, int n) {
        return UUID.nameUUIDFromBytes((workspace + "/" + prefix + "/" + n).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static String userName(String prefix, int n) {
        return prefix + "-" + n + "@seed.example";
    }

    private void seedMembers(String workspace, String prefix, int count) throws Exception {
        int batch = 5_000;
        AtomicInteger nextBatch = new AtomicInteger();
        parallel(() -> {
            try (Connection c = server.jdbc();
                    PreparedStatement insert = c.prepareStatement(MEMBER_INSERT)) {
                c.setAutoCommit(false);
                for (int b = nextBatch.getAndIncrement(); b * batch < count; b = nextBatch.getAndIncrement()) {
                    for (int n = b * batch; n < Math.min(count, (b + 1) * batch); n++) {
                        bindMember(insert, memberId(workspace, prefix, n), workspace, userName(prefix, n));
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    c.commit();
                }
            }
        });
    }

    /** The group gets the first {@code count} seeded members, in one INSERT ... SELECT. */
    private void seedMemberships(String workspace, String group, int count) throws Exception {
        try (Connection c = server.jdbc();
                PreparedStatement insert = c.prepareStatement("INSERT INTO group_membership"
                        + " (group_id, member_id, source, created_at) SELECT ?, id, 'SCIM', created_at FROM member"
                        + " WHERE workspace_id = ? AND user_name_lower LIKE 'g-%' ORDER BY id LIMIT ?")) {
            insert.setString(1, group);
            insert.setString(2, workspace);
            insert.setInt(3, count);
            insert.executeUpdate();
        }
    }

    // --- plumbing ---------------------------------------------------------------------------------------------------

    private record Workspace(String id, Api scim, String token) {
        String group(String name) {
            Api.Reply created =
                    scim.send("POST", "/scim/v2/Groups", "{\"displayName\":" + q(name) + "}", "application/scim+json");
            expect(created, 201);
            return created.json().get("id").asText();
        }
    }

    private Workspace workspace(String id) {
        expect(admin.post("/api/v1/workspaces", "{\"id\":" + q(id) + ",\"name\":" + q(id) + "}"), 201);
        Api.Reply token = admin.post("/api/v1/workspaces/" + id + "/scim-tokens", "{\"name\":\"bench\"}");
        expect(token, 201);
        return new Workspace(
                id,
                admin.as(token.json().get("token").asText()),
                token.json().get("token").asText());
    }

    private interface Work {
        void run() throws Exception;
    }

    private static void parallel(Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                futures.add(pool.submit(() -> {
                    work.run();
                    return null;
                }));
            }
            for (Future<Object> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static double timed(Runnable call) {
        long t0 = System.nanoTime();
        call.run();
        return (System.nanoTime() - t0) / 1e6;
    }

    private static void expect(Api.Reply reply, int status) {
        if (reply.status() != status) {
            throw new IllegalStateException("expected " + status + ", got " + reply);
        }
    }

    private static void expectTotal(Api.Reply reply, int total) {
        expect(reply, 200);
        if (reply.json().get("totalResults").asInt() != total) {
            throw new IllegalStateException("expected " + total + " results, got " + reply.body());
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void log(String format, Object... args) {
        System.out.printf("[bench] " + format + "%n", args);
    }
}
