package io.rollcall.bench;

import static io.rollcall.it.Api.q;

import io.rollcall.it.Api;
import io.rollcall.it.RollcallServer;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The authorization-check and several-instances benchmarks of issue 11, run by hand ({@code bench/authz.sh}), never by
 * Maven. Starts real bundles on MariaDB and drives them with {@code wrk} over loopback; every figure is paired with
 * its comparison in the same run (A, B, A, B ...) and printed with the machine's load average.
 *
 * <p>{@code -Dbench.mode=hotpath} (default): one instance; {@code POST .../authz/check} against {@code /health/live} and
 * {@code GET /scim/v2/Users/{id}}, 8 connections; plus the same check on a second instance with the rate limiter on
 * (limits too high to refuse) against the first, where it is off. {@code -Dbench.mode=instances}: instances A and B
 * clustered and C standalone on one database; SCIM creates and checks on A alone against A and B together (8
 * connections in all), and checks and permission changes on clustered A against standalone C.
 *
 * <p>Options: {@code bench.seconds} per measurement (10), {@code bench.rounds} (5), {@code bench.warmupSeconds} per
 * endpoint and instance (30), {@code bench.connections} (8).
 */
public final class AuthzBench {

    private static final int SECONDS = Integer.getInteger("bench.seconds", 10);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
    private static final int WARMUP = Integer.getInteger("bench.warmupSeconds", 30);
    private static final int CONNECTIONS = Integer.getInteger("bench.connections", 8);
    private static final String TOKEN = "rcp_bench_" + Long.toHexString(System.nanoTime());
    private static final Map<String, String> NO_LIMITS =
            Map.of("ROLLCALL_RATE_LIMIT_SCIM_PER_SECOND", "0", "ROLLCALL_RATE_LIMIT_API_PER_SECOND", "0");

    /** What the measurements need on one instance: tokens and the member whose permission is checked. */
    private record Target(URI base, String scimToken, String memberId, Path check, Path live, Path scimGet) {}

    private final Map<String, List<Wrk.Result>> results = new LinkedHashMap<>();

    public static void main(String[] args) throws Exception {
        System.setProperty("rollcall.it.db", System.getProperty("rollcall.it.db", "mariadb"));
        AuthzBench bench = new AuthzBench();
        if ("instances".equals(System.getProperty("bench.mode", "hotpath"))) {
            bench.instances();
        } else {
            bench.hotpath();
        }
    }

    // --- one instance: the check against /health/live; the rate limiter's cost --------------------------------------

    private void hotpath() throws Exception {
        Map<String, String> limited = Map.of(
                "ROLLCALL_RATE_LIMIT_SCIM_PER_SECOND",
                "1000000",
                "ROLLCALL_RATE_LIMIT_SCIM_BURST",
                "1000000",
                "ROLLCALL_RATE_LIMIT_API_PER_SECOND",
                "1000000",
                "ROLLCALL_RATE_LIMIT_API_BURST",
                "1000000");
        List<RollcallServer> servers = startAll(List.of(bootstrapEnv(NO_LIMITS, null), bootstrapEnv(limited, null)));
        try {
            Target plain = setUp(servers.get(0));
            Target withLimiter = setUp(servers.get(1));
            log("warm-up, %d s per endpoint", WARMUP);
            for (Target t : List.of(plain, withLimiter)) {
                Wrk.run(t.base(), checkPath(), t.check(), CONNECTIONS, WARMUP);
            }
            Wrk.run(plain.base(), "/health/live", plain.live(), CONNECTIONS, WARMUP);
            Wrk.run(plain.base(), "/scim/v2/Users/" + plain.memberId(), plain.scimGet(), CONNECTIONS, WARMUP);
            for (int round = 0; round < ROUNDS; round++) {
                measure("live", Wrk.run(plain.base(), "/health/live", plain.live(), CONNECTIONS, SECONDS));
                measure("check", Wrk.run(plain.base(), checkPath(), plain.check(), CONNECTIONS, SECONDS));
                measure(
                        "scimGet",
                        Wrk.run(
                                plain.base(),
                                "/scim/v2/Users/" + plain.memberId(),
                                plain.scimGet(),
                                CONNECTIONS,
                                SECONDS));
                measure(
                        "checkWithLimiter",
                        Wrk.run(withLimiter.base(), checkPath(), withLimiter.check(), CONNECTIONS, SECONDS));
            }
            summary("check", "live");
            summary("scimGet", "live");
            summary("checkWithLimiter", "check");
        } finally {
            servers.forEach(RollcallServer::stop);
        }
    }

    // --- several instances on one database -------------------------------------------------------------------------

    private void instances() throws Exception {
        String url = RollcallServer.newDatabase();
        int gridA = RollcallServer.freePort();
        int gridB = RollcallServer.freePort();
        String members = "127.0.0.1:" + gridA + ",127.0.0.1:" + gridB;
        String cluster = "rollcall-bench-" + Long.toHexString(System.nanoTime());
        Map<String, String> a = clustered(bootstrapEnv(NO_LIMITS, url), members, cluster, gridA);
        Map<String, String> b = clustered(bootstrapEnv(NO_LIMITS, url), members, cluster, gridB);
        List<RollcallServer> servers = startAll(List.of(a, b, bootstrapEnv(NO_LIMITS, url)));
        try {
            Target onA = setUp(servers.get(0));
            Target onB = reuse(onA, servers.get(1));
            Target onC = reuse(onA, servers.get(2));
            Path roleToggle = roleToggle(onA.memberId());
            log("warm-up, %d s per endpoint and instance", WARMUP);
            for (Target t : List.of(onA, onB, onC)) {
                Wrk.run(t.base(), checkPath(), t.check(), CONNECTIONS, WARMUP);
                Wrk.run(
                        t.base(),
                        "/scim/v2/Users",
                        Wrk.scimCreates(onA.scimToken(), "warm-" + t.base().getPort()),
                        CONNECTIONS,
                        WARMUP);
                Wrk.run(t.base(), memberPath(onA.memberId()), roleToggle, 1, WARMUP / 3);
            }
            int half = CONNECTIONS / 2;
            for (int round = 0; round < ROUNDS; round++) {
                measure("check, A alone", both(onA, onA, checkPath(), onA.check(), onA.check(), half));
                measure("check, A and B", both(onA, onB, checkPath(), onA.check(), onB.check(), half));
                measure(
                        "create, A alone",
                        both(
                                onA,
                                onA,
                                "/scim/v2/Users",
                                Wrk.scimCreates(onA.scimToken(), "r" + round + "a1"),
                                Wrk.scimCreates(onA.scimToken(), "r" + round + "a2"),
                                half));
                measure(
                        "create, A and B",
                        both(
                                onA,
                                onB,
                                "/scim/v2/Users",
                                Wrk.scimCreates(onA.scimToken(), "r" + round + "b1"),
                                Wrk.scimCreates(onA.scimToken(), "r" + round + "b2"),
                                half));
                measure("check, standalone C", Wrk.run(onC.base(), checkPath(), onC.check(), CONNECTIONS, SECONDS));
                measure("check, clustered A", Wrk.run(onA.base(), checkPath(), onA.check(), CONNECTIONS, SECONDS));
                measure(
                        "role change, standalone C",
                        Wrk.run(onC.base(), memberPath(onA.memberId()), roleToggle, 1, SECONDS));
                measure(
                        "role change, clustered A",
                        Wrk.run(onA.base(), memberPath(onA.memberId()), roleToggle, 1, SECONDS));
            }
            summary("check, A and B", "check, A alone");
            summary("create, A and B", "create, A alone");
            summary("check, clustered A", "check, standalone C");
            summary("role change, clustered A", "role change, standalone C");
        } finally {
            servers.forEach(RollcallServer::stop);
        }
    }

    /** Two wrk processes at once, {@code connections} each: on one instance twice, or on two instances. */
    private static Wrk.Result both(
            Target first, Target second, String path, Path script1, Path script2, int connections) throws Exception {
        Process one = Wrk.start(first.base(), path, script1, connections, SECONDS);
        Process two = Wrk.start(second.base(), path, script2, connections, SECONDS);
        Wrk.Result r1 = Wrk.await(one);
        Wrk.Result r2 = Wrk.await(two);
        return new Wrk.Result(
                r1.perSecond() + r2.perSecond(),
                Math.max(r1.p50Ms(), r2.p50Ms()),
                Math.max(r1.p99Ms(), r2.p99Ms()),
                r1.failed() + r2.failed(),
                r1.requests() + r2.requests(),
                Wrk.loadAverage());
    }

    private static Map<String, String> bootstrapEnv(Map<String, String> base, String dbUrl) {
        Map<String, String> env = new HashMap<>(base);
        env.put("ROLLCALL_BOOTSTRAP_TOKEN", TOKEN);
        if (dbUrl != null) {
            env.put("ROLLCALL_DB_URL", dbUrl);
        }
        return env;
    }

    private static Map<String, String> clustered(Map<String, String> env, String members, String name, int port) {
        Map<String, String> clustered = new HashMap<>(env);
        clustered.put("ROLLCALL_CLUSTER_MEMBERS", members);
        clustered.put("ROLLCALL_CLUSTER_NAME", name);
        clustered.put("ROLLCALL_CLUSTER_INTERFACE", "127.0.0.1");
        clustered.put("ROLLCALL_CLUSTER_PORT", Integer.toString(port));
        return clustered;
    }

    private static List<RollcallServer> startAll(List<Map<String, String>> envs) {
        List<RollcallServer> servers = new ArrayList<>();
        envs.forEach(env -> servers.add(RollcallServer.launch(env)));
        java.time.Duration timeout = RollcallServer.startTimeout().multipliedBy(envs.size());
        CompletableFuture.allOf(servers.stream()
                        .map(s -> CompletableFuture.runAsync(() -> s.awaitReady(timeout)))
                        .toArray(CompletableFuture[]::new))
                .join();
        return servers;
    }

    /**
     * In workspace {@code default}: a SCIM token, a SCIM-created member (direct role viewer) in a static group with
     * role creator, and the check "may it workflows:write?" (allowed through the group).
     */
    private static Target setUp(RollcallServer server) throws Exception {
        Api owner = new Api(server.baseUrl(), TOKEN);
        Api.Reply scimToken = owner.post("/api/v1/workspaces/default/scim-tokens", "{\"name\":\"bench\"}");
        require(scimToken, 201);
        String secret = scimToken.json().get("token").asText();
        Api.Reply user = new Api(server.baseUrl(), secret)
                .send(
                        "POST",
                        "/scim/v2/Users",
                        "{\"schemas\":[\"urn:ietf:"
                                + "params:scim:schemas:core:2.0:User\"],\"userName\":\"checked@bench.example\",\"emails\":[{\"value\":"
                                + "\"checked@bench.example\",\"primary\":true}]}",
                        "application/scim+json");
        require(user, 201);
        String memberId = user.json().get("id").asText();
        Api.Reply group = owner.post(
                "/api/v1/workspaces/default/groups",
                "{\"name\":\"Builders\"," + "\"membershipType\":\"STATIC\",\"role\":\"creator\"}");
        require(group, 201);
        require(
                owner.post(
                        "/api/v1/workspaces/default/groups/"
                                + group.json().get("id").asText() + "/members",
                        "{\"memberId\":" + q(memberId) + "}"),
                204);
        Target target = new Target(
                server.baseUrl(),
                secret,
                memberId,
                checkScript(memberId),
                Wrk.fixed("GET", null, null, null),
                Wrk.fixed("GET", null, null, secret));
        Api.Reply check = owner.post(checkPath(), checkBody(memberId));
        require(check, 200);
        if (!check.json().get("allowed").asBoolean()) {
            throw new IllegalStateException("the benchmark's check is not allowed: " + check);
        }
        return target;
    }

    /** The same workspace through another instance on the same database. */
    private static Target reuse(Target setUp, RollcallServer server) {
        return new Target(
                server.baseUrl(), setUp.scimToken(), setUp.memberId(), setUp.check(), setUp.live(), setUp.scimGet());
    }

    private static Path checkScript(String memberId) throws Exception {
        return Wrk.fixed("POST", checkBody(memberId), "application/json", TOKEN);
    }

    /** PATCH of the member's direct role, viewer and operator in turn: each one a permission-relevant change. */
    private static Path roleToggle(String memberId) throws Exception {
        return Wrk.script("""
                local n = 0
                function request()
                  n = n + 1
                  local role = (n %% 2 == 0) and "viewer" or "operator"
                  return wrk.format("PATCH", "%s", {["Content-Type"] = "application/json",
                    ["Authorization"] = "Bearer %s"}, '{"role":"' .. role .. '"}')
                end
                """.formatted(memberPath(memberId), TOKEN));
    }

    private static String checkPath() {
        return "/api/v1/workspaces/default/authz/check";
    }

    private static String memberPath(String memberId) {
        return "/api/v1/workspaces/default/members/" + memberId;
    }

    private static String checkBody(String memberId) {
        return "{\"member\":" + q(memberId) + ",\"permission\":\"workflows:write\"}";
    }

    private static void require(Api.Reply reply, int status) {
        if (reply.status() != status) {
            throw new IllegalStateException("set-up failed: " + reply);
        }
    }

    private void measure(String name, Wrk.Result result) {
        results.computeIfAbsent(name, k -> new ArrayList<>()).add(result);
        log(
                "%-28s %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  failed %d of %d  load %.2f",
                name,
                result.perSecond(),
                result.p50Ms(),
                result.p99Ms(),
                result.failed(),
                result.requests(),
                result.load());
    }

    /** Median rate, latencies and the per-round ratio {@code name / baseline} (rounds paired in time). */
    private void summary(String name, String baseline) {
        List<Wrk.Result> a = results.get(name);
        List<Wrk.Result> b = results.get(baseline);
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            ratios.add(a.get(i).perSecond() / b.get(i).perSecond());
        }
        System.out.printf(
                "| %s vs %s | %.0f vs %.0f req/s | ratio %.2f (rounds %s) | p50 %.2f vs %.2f ms | p99 %.2f"
                        + " vs %.2f ms | load %.1f-%.1f |%n",
                name,
                baseline,
                median(a, Wrk.Result::perSecond),
                median(b, Wrk.Result::perSecond),
                median(ratios, x -> x),
                format(ratios),
                median(a, Wrk.Result::p50Ms),
                median(b, Wrk.Result::p50Ms),
                median(a, Wrk.Result::p99Ms),
                median(b, Wrk.Result::p99Ms),
                Math.min(min(a), min(b)),
                Math.max(max(a), max(b)));
    }

    private static String format(List<Double> ratios) {
        return String.join(
                "/", ratios.stream().map(r -> String.format("%.2f", r)).toList());
    }

    private static double min(List<Wrk.Result> rs) {
        return rs.stream().mapToDouble(Wrk.Result::load).min().orElse(Double.NaN);
    }

    private static double max(List<Wrk.Result> rs) {
        return rs.stream().mapToDouble(Wrk.Result::load).max().orElse(Double.NaN);
    }

    private static <T> double median(List<T> values, java.util.function.ToDoubleFunction<T> f) {
        List<Double> sorted =
                new ArrayList<>(values.stream().map(f::applyAsDouble).toList());
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static void log(String format, Object... args) {
        System.out.printf("%tT %s%n", System.currentTimeMillis(), String.format(format, args));
    }
}
