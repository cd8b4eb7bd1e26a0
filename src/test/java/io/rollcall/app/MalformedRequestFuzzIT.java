package io.rollcall.app;

import static io.rollcall.it.Api.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rollcall.it.Api;
import io.rollcall.it.OwnedWorkspace;
import io.rollcall.it.RawHttp;
import io.rollcall.it.RollcallServer;
import io.rollcall.it.TestAccounts;
import io.rollcall.it.TestAccounts.Person;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Generated malformed requests across SCIM and the admin API (mutated filters; truncated, deep, huge, duplicate-keyed
 * and non-object JSON; wrong content types; odd headers, methods and paths), each checked for: no 5xx, no HTML, no
 * Java class name, and the protocol's error format (SCIM errors under {@code /scim/v2}, problem details under {@code
 * /api}). The seed is fixed, so a failure names a request that fails again.
 *
 * <p>Also sent byte for byte over a socket: paths that are not valid percent-encoded UTF-8, or that hold a NUL, a
 * backslash or a malformed escape (each a 400 in the protocol's format). Not generated: non-ASCII header values and
 * header blocks over 64 KiB, which Payara's HTTP codec still refuses with a bodiless 400 before any servlet runs
 * (docs/design.md, "Errors outside the applications").
 */
class MalformedRequestFuzzIT {

    private static final long SEED = 0x5eed_8L;
    private static final int REQUESTS = 2_400;
    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(java|javax|jakarta|sun|com\\.sun|org\\.(eclipse|glassfish|apache|h2|mariadb|jboss|opensaml)"
                    + "|com\\.(fasterxml|nimbusds)|fish\\.payara|io\\.rollcall)\\.[A-Za-z]");
    private static final String[] FILTERS = {
        "userName eq \"bjensen\"",
        "name.familyName co \"O'Malley\"",
        "userName sw \"J\"",
        "emails[type eq \"work\" and value co \"@example.com\"]",
        "meta.lastModified gt \"2011-05-13T04:42:34Z\"",
        "title pr and userType eq \"Employee\"",
        "not (active eq false) or displayName ew \"x\"",
        "members[value eq \"2819c223-7f76-453a-919d-413861904646\"]",
        "externalId eq \"a\\\"b\"",
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq \"42\""
    };
    private static final String[] JUNK = {
        "(",
        ")",
        "[",
        "]",
        "\"",
        "\\",
        " ",
        "and",
        "or",
        "not",
        "eq",
        "pr",
        ".",
        ":",
        "$",
        "%",
        "'",
        "{",
        "}",
        "\t",
        "\u00e9",
        "\u4e2d",
        "\ud83d\ude00",
        "\u0000",
        "\u202e",
        "9999999999999999999",
        "true",
        "null",
        "-",
        "@",
        "*",
        ","
    };
    private static final String[] CONTENT_TYPES = {
        "application/json",
        "application/scim+json",
        "text/plain",
        "garbage",
        "application/xml",
        "multipart/form-data; boundary=x",
        "application/json; charset=latin1",
        "application/x-www-form-urlencoded",
        "application/",
        "*/*",
        "application/json;;",
        null
    };
    private static final String[] ACCEPTS = {
        "application/json",
        "application/scim+json",
        "text/html",
        "*/*",
        "application/xml",
        "garbage",
        "image/png;q=0.1",
        null
    };

    private static final int BYTE_REQUESTS = 200;
    /**
     * Percent-encodings that are not UTF-8 (a lone continuation, overlong, truncated, a UTF-16 surrogate), malformed
     * escapes (Payara answered these with an empty 200), NUL and backslash, raw or encoded (an empty 400).
     */
    private static final String[] BAD_PATH_BYTES = {
        "%ff",
        "%80",
        "%c0%ae",
        "%c0%af",
        "%e2%82",
        "%ed%a0%80",
        "%f8%88%80%80%80",
        "%zz",
        "%g0",
        "%%",
        "%00",
        "%5C",
        "%5c",
        "\\"
    };

    private final Random random = new Random(SEED);

    /** One generated request. */
    private record Request(String method, String path, Map<String, String> headers, String body) {
        @Override
        public String toString() {
            return method + " " + (path.length() > 200 ? path.substring(0, 200) + "..." : path) + " " + headers
                    + " body=" + (body == null ? "none" : body.length() > 200 ? body.substring(0, 200) + "..." : body);
        }
    }

    @Test
    void generatedMalformedRequestsGetProtocolErrorsNeverServerErrorsHtmlOrClassNames() {
        RollcallServer server = RollcallServer.shared();
        OwnedWorkspace workspace = OwnedWorkspace.create(server, "fuzz");
        Person person = workspace.owner();
        Api owner = workspace.api();
        String ws = workspace.id();
        String scimToken = owner.post("/api/v1/workspaces/" + ws + "/scim-tokens", "{\"name\":\"fuzz\"}")
                .json()
                .path("token")
                .asText();
        Api scim = owner.as(scimToken);
        String userId = scim.send(
                        "POST",
                        "/scim/v2/Users",
                        "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:" + "User\"],\"userName\":\"fuzz-" + ws
                                + "\"}",
                        "application/scim+json")
                .json()
                .path("id")
                .asText();
        String groupId = scim.send(
                        "POST",
                        "/scim/v2/Groups",
                        "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:"
                                + "Group\"],\"displayName\":\"Fuzzers\"}",
                        "application/scim+json")
                .json()
                .path("id")
                .asText();
        String staticGroup = owner.post(
                        "/api/v1/workspaces/" + ws + "/groups", "{\"name\":\"Static\",\"membershipType\":\"STATIC\"}")
                .json()
                .path("id")
                .asText();
        String memberId = owner.get("/api/v1/workspaces/" + ws + "/members")
                .json()
                .path("items")
                .get(0)
                .path("id")
                .asText();
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("scim", "Bearer " + scimToken);
        credentials.put("owner", "Bearer " + person.token());
        credentials.put(
                "stranger",
                "Bearer " + TestAccounts.create(server, "fuzz-stranger").token());

        List<String> failures = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            Request request = random.nextBoolean()
                    ? scimRequest(userId, groupId, credentials)
                    : adminRequest(ws, memberId, staticGroup, credentials);
            Api.Reply reply =
                    RawHttp.send(server.baseUrl(), request.method(), request.path(), request.headers(), request.body());
            String problem = judge(request, reply);
            if (problem != null) {
                failures.add("#" + i + " " + problem + "\n  request: " + request + "\n  answer: " + reply.status() + " "
                        + reply.header("Content-Type") + " " + abbreviate(reply.body()));
            }
        }
        // Byte-level requests: paths that are not valid percent-encoded UTF-8, over a plain socket (own generator, so
        // the requests above stay the same for the seed).
        Random bytes = new Random(SEED + 1);
        for (int i = 0; i < BYTE_REQUESTS; i++) {
            boolean toScim = bytes.nextBoolean();
            String base = toScim
                    ? "/scim/v2/" + (bytes.nextBoolean() ? "Users/" + userId : "Groups")
                    : "/api/v1/workspaces/" + ws + (bytes.nextBoolean() ? "/members/" + memberId : "/groups");
            String escape = BAD_PATH_BYTES[bytes.nextInt(BAD_PATH_BYTES.length)];
            String path = base.substring(0, 1 + bytes.nextInt(base.length() - 1))
                    + escape
                    + base.substring(1 + bytes.nextInt(base.length() - 1));
            String credential = credentials.get(toScim ? "scim" : "owner");
            String head = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + credential + "\r\n";
            Request request = new Request("GET", path, Map.of("raw", head), null);
            Api.Reply reply = RawHttp.sendBytes(server.baseUrl(), head.getBytes(StandardCharsets.ISO_8859_1));
            String problem = reply.status() != 400 ? "not a 400" : judge(request, reply);
            if (problem != null) {
                failures.add("bytes #" + i + " " + problem + "\n  request: " + request + "\n  answer: " + reply.status()
                        + " " + reply.header("Content-Type") + " " + abbreviate(reply.body()));
            }
        }
        assertThat(failures)
                .as(failures.size() + " of " + (REQUESTS + BYTE_REQUESTS) + " requests answered wrongly")
                .isEmpty();
        // The workspace's data survived the fuzzing.
        assertThat(scim.get("/scim/v2/Users/" + userId).status()).isEqualTo(200);
        assertThat(owner.get("/api/v1/workspaces/" + ws).json().path("name").asText())
                .isIn("fuzz", "Fuzz");
    }

    private static String judge(Request request, Api.Reply reply) {
        String body = reply.body() == null ? "" : reply.body();
        String contentType = reply.header("Content-Type") == null ? "" : reply.header("Content-Type");
        if (reply.status() >= 500) {
            return "server error";
        }
        // Jersey's OPTIONS answer echoes an Accept of text/html as its (empty) body's type: not a page.
        if (body.toLowerCase().contains("<html") || contentType.startsWith("text/html") && !body.isEmpty()) {
            return "HTML answer";
        }
        if (CLASS_NAME.matcher(body).find() || body.contains("Exception")) {
            return "names a Java class";
        }
        if (reply.status() < 400 || request.method().equals("HEAD")) {
            // HEAD answers carry no body (RFC 9110 section 9.3.2); their status was checked above.
            return null;
        }
        JsonNode json = reply.json();
        if (underScim(request.path())) {
            if (!contentType.startsWith("application/scim+json")
                    || !json.path("schemas").toString().contains("urn:ietf:params:scim:api:messages:2.0:Error")
                    || !json.path("status").asText().equals(Integer.toString(reply.status()))) {
                return "not a SCIM error";
            }
        } else if (!contentType.startsWith("application/problem+json")
                || json.path("status").asInt() != reply.status()
                || json.path("code").asText().isEmpty()) {
            return "not problem details";
        }
        return null;
    }

    private Request scimRequest(String userId, String groupId, Map<String, String> credentials) {
        Map<String, String> headers = headers(credentials, "scim");
        return switch (random.nextInt(6)) {
            case 0, 1 ->
                new Request(
                        "GET",
                        "/scim/v2/" + pick("Users", "Groups") + "?filter=" + encode(mutate(pick(FILTERS)))
                                + (random.nextBoolean()
                                        ? ""
                                        : "&sortBy=" + encode(mutate("name.familyName"))
                                                + "&startIndex=" + pick("0", "-1", "x", "1e9", "") + "&count="
                                                + pick("-5", "a", "99999999999", "")),
                        headers,
                        null);
            case 2 ->
                new Request(
                        pick("POST", "PUT"),
                        "/scim/v2/"
                                + pick(
                                        "Users",
                                        "Groups/" + groupId,
                                        "Users/" + userId,
                                        "Groups",
                                        "Bulk",
                                        ".search",
                                        "Users/.search"),
                        withBodyHeaders(headers),
                        jsonBody());
            case 3 ->
                new Request(
                        "PATCH",
                        "/scim/v2/" + pick("Users/" + userId, "Groups/" + groupId),
                        withBodyHeaders(headers),
                        random.nextBoolean() ? patchBody() : jsonBody());
            case 4 ->
                new Request(
                        pick("GET", "DELETE", "TRACE", "OPTIONS", "HEAD", "FOO", "PUT"),
                        "/scim/v2/" + oddPath(userId),
                        headers,
                        null);
            default ->
                new Request(
                        "GET",
                        "/scim/v2/"
                                + pick(
                                        "Users/" + userId,
                                        "Groups/" + groupId,
                                        "Users",
                                        "ServiceProviderConfig",
                                        "Schemas",
                                        "ResourceTypes"),
                        oddHeaders(headers),
                        null);
        };
    }

    private Request adminRequest(String ws, String memberId, String groupId, Map<String, String> credentials) {
        Map<String, String> headers = headers(credentials, "owner");
        String base = "/api/v1/workspaces/" + ws;
        return switch (random.nextInt(5)) {
            case 0, 1 -> {
                String[][] endpoints = {
                    {"PATCH", base},
                    {"PATCH", base + "/groups/" + groupId},
                    {"PATCH", base + "/members/" + memberId},
                    {"PUT", base + "/sso"},
                    {"POST", base + "/sso/dry-run"},
                    {"POST", base + "/invites"},
                    {"POST", base + "/groups"},
                    {"POST", base + "/roles"},
                    {"POST", base + "/authz/check"},
                    {"POST", base + "/scim-tokens"},
                    {"POST", "/api/v1/workspaces"},
                    {"PUT", base + "/groups/" + groupId + "/claim-rules"},
                    {"POST", "/api/v1/invites/accept"},
                    {"POST", base + "/groups/" + groupId + "/members"}
                };
                String[] endpoint = endpoints[random.nextInt(endpoints.length)];
                yield new Request(endpoint[0], endpoint[1], withBodyHeaders(headers), jsonBody());
            }
            case 2 ->
                new Request(
                        "GET",
                        base + pick("/members", "/groups", "/audit-events", "/invites") + "?"
                                + pick("page", "size", "q", "since", "actor", "cursor") + "="
                                + encode(mutate(pick("10", "0", "2026-01-01T00:00:00Z", "jane", "-1"))),
                        headers,
                        null);
            case 3 ->
                new Request(
                        pick("GET", "DELETE", "TRACE", "OPTIONS", "HEAD", "FOO", "PATCH"),
                        "/api/v1/" + oddPath(memberId),
                        headers,
                        null);
            default ->
                new Request(
                        "GET",
                        base + pick("", "/members/" + memberId, "/sso", "/roles/owner"),
                        oddHeaders(headers),
                        null);
        };
    }

    private Map<String, String> headers(Map<String, String> credentials, String usual) {
        Map<String, String> headers = new LinkedHashMap<>();
        int who = random.nextInt(10);
        if (who < 7) {
            headers.put("Authorization", credentials.get(usual));
        } else if (who == 7) {
            headers.put("Authorization", credentials.get(pick("scim", "owner", "stranger")));
        } else if (who == 8) {
            headers.put(
                    "Authorization",
                    pick("Bearer", "Bearer ", "Basic YTpi", "Bearer rcs_nope", "rcp_x", "x".repeat(3000)));
        }
        String accept = pick(ACCEPTS);
        if (accept != null) {
            headers.put("Accept", accept);
        }
        return headers;
    }

    private Map<String, String> withBodyHeaders(Map<String, String> headers) {
        String contentType = random.nextInt(3) == 0
                ? pick(CONTENT_TYPES)
                : headers.getOrDefault("Authorization", "").contains("rcs_")
                        ? "application/scim+json"
                        : "application/json";
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return headers;
    }

    private Map<String, String> oddHeaders(Map<String, String> headers) {
        switch (random.nextInt(6)) {
            case 0 ->
                headers.put(
                        "If-Match",
                        pick(
                                "*",
                                "W/\"x\"",
                                "\"",
                                "W/",
                                "\"" + "9".repeat(2000) + "\"",
                                "garbage, ,",
                                "W/\"1\", W/\"2\""));
            case 1 -> headers.put("If-None-Match", pick("*", "\"a\"", "W/\"" + "a".repeat(1100) + "\""));
            case 2 -> headers.put("Content-Type", pick(CONTENT_TYPES) == null ? "x" : pick("garbage", ";", "a/b/c"));
            case 3 -> headers.put("X-Request-Id", pick("", "a".repeat(500), "<script>", "../../etc"));
            case 4 -> headers.put("Accept-Charset", pick("garbage", "utf-7", "*"));
            default -> headers.put("Range", pick("bytes=0-1", "garbage"));
        }
        return headers;
    }

    private String oddPath(String id) {
        return pick(
                "Users/" + id + "/extra",
                "Nope",
                "Users/" + encode(mutate(id)),
                "Users/%2e%2e",
                "//Users",
                "Users/..;/x",
                "Groups/" + "a".repeat(random.nextInt(3000)),
                "workspaces/" + encode(pick(JUNK)) + "/members",
                "Users/%2F",
                "Schemas/" + encode(mutate("urn:ietf:params:scim:schemas:core:2.0:" + "User")),
                "me/tokens/" + encode(mutate(id)),
                "",
                "Users;jsessionid=1");
    }

    private String jsonBody() {
        return switch (random.nextInt(10)) {
            case 0 -> pick("null", "true", "\"str\"", "[]", "[{}]", "42", "", " ", "{", "}");
            case 1 -> truncate(validBody());
            case 2 -> "{\"a\":" + "[".repeat(200 + random.nextInt(2000)) + "]".repeat(random.nextInt(50)) + "}";
            case 3 -> "{\"userName\":\"a\",\"userName\":\"b\",\"name\":\"x\",\"name\":\"y\"}";
            case 4 ->
                random.nextInt(8) == 0
                        ? "{\"name\":\"" + "a".repeat(1_100_000) + "\"}"
                        : "{\"name\":\"" + "a".repeat(20_000) + "\"}";
            case 5 -> mutate(validBody());
            case 6 ->
                "{\"schemas\":" + pick("null", "1", "[1]", "\"x\"", "{}") + ",\"userName\":"
                        + pick("1", "[]", "{}", "null", "true", "\"\"") + ",\"members\":"
                        + pick("1", "[1]", "[null]", "{}", "[{\"value\":" + "{}}]") + ",\"role\":"
                        + pick("1", "[]", "{}") + "}";
            case 7 -> "{\"" + pick(JUNK) + "\":" + pick("1", "{}", "[[[]]]", "\"\\ud800\"", "1e999999", "-0") + "}";
            case 8 -> "\ufeff" + validBody();
            default -> validBody();
        };
    }

    private String validBody() {
        return pick(
                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"f-"
                        + random.nextInt(1_000_000) + "\",\"emails\":[{\"value\":\"x@y.z\",\"primary\":true}]}",
                "{\"name\":\"Fuzz\",\"jit\":{\"enabled\":true,\"domains\":[\"a.com\"],\"role\":\"viewer\"}}",
                "{\"email\":\"p" + random.nextInt(1_000_000) + "@fuzz.example\",\"role\":\"viewer\"}",
                "{\"claims\":{\"groups\":[\"/a\"],\"_claim_names\":{\"groups\":\"src1\"}}}",
                "{\"type\":\"saml\",\"idpEntityId\":\"https://idp\",\"ssoUrl\":\"https://idp/sso\",\"certificates\":[]}",
                "{\"member\":\"x\",\"permission\":\"members:read\"}",
                "[{\"claim\":\"groups\",\"match\":\"REGEX\"," + "\"value\":\"(a+)+$\"}]");
    }

    private String patchBody() {
        String op = pick("add", "replace", "remove", "Add", "REPLACE", "move", "", "null");
        String path = mutate(pick(
                "members[value eq \"x\"]",
                "displayName",
                "emails[type eq \"work\"].value",
                "name.givenName",
                "active",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager"));
        String value = pick("\"x\"", "[]", "[{\"value\":\"y\"}]", "{\"id\":\"z\"}", "\"False\"", "null", "{}", "[[]]");
        return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":" + q(op)
                + (random.nextBoolean() ? ",\"path\":" + q(path) : "") + ",\"value\":" + value + "}]}";
    }

    private String mutate(String text) {
        StringBuilder out = new StringBuilder(text);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && out.length() > 0; e++) {
            int at = random.nextInt(out.length());
            switch (random.nextInt(4)) {
                case 0 -> out.deleteCharAt(at);
                case 1 -> out.insert(at, pick(JUNK));
                case 2 -> out.setLength(at);
                default -> out.insert(at, out.substring(0, Math.min(out.length(), at + 1)));
            }
        }
        return out.toString();
    }

    private String truncate(String text) {
        return text.substring(0, random.nextInt(Math.max(1, text.length())));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("%00", "%01")
                .replace("%5C", "%2F");
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }

    /**
     * Whether a path is SCIM's: {@code /scim/v2} itself or below it, as the server decides; a mutation that lands in
     * the segment ({@code /scim/v2%80v2/Groups}) names another path, answered as a problem detail.
     */
    private static boolean underScim(String path) {
        return path.equals("/scim/v2") || path.startsWith("/scim/v2/") || path.startsWith("/scim/v2?");
    }
}
