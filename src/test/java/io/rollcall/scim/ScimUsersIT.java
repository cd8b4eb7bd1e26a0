package io.rollcall.scim;

import static io.rollcall.it.Api.q;
import static io.rollcall.scim.ScimWorkspace.SCIM_JSON;
import static io.rollcall.scim.ScimWorkspace.assertScimError;
import static io.rollcall.scim.ScimWorkspace.enc;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rollcall.it.Api;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SCIM /Users over HTTP on the real server (H2 and MariaDB); each test works in a workspace of its own. */
class ScimUsersIT {

    private ScimWorkspace w;

    @BeforeEach
    void newWorkspace() {
        w = ScimWorkspace.create();
    }

    @Test
    void missingUnknownAndRevokedTokensAre401AndOtherWorkspacesAreInvisible() {
        String id = w.user("alice");
        assertScimError(w.scim.as(null).get("/scim/v2/Users"), 401, null);
        assertScimError(w.scim.as("rcs_not-a-real-token").get("/scim/v2/Users/" + id), 401, null);

        ScimWorkspace other = ScimWorkspace.create();
        assertScimError(other.scim.get("/scim/v2/Users/" + id), 404, null);
        assertScimError(
                other.scim.patch(
                        "/scim/v2/Users/" + id,
                        "{\"schemas\":"
                                + "[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"replace\","
                                + "\"path\":\"active\",\"value\":false}]}"),
                404,
                null);
        assertThat(other.scim.delete("/scim/v2/Users/" + id).status()).isEqualTo(404);
        assertThat(other.scim
                        .get("/scim/v2/Users?filter=" + enc("userName eq \"alice\""))
                        .json()
                        .get("totalResults")
                        .asInt())
                .isZero();
        assertThat(w.scim.get("/scim/v2/Users/" + id).json().get("active").asBoolean())
                .isTrue();

        assertThat(w.admin.delete(w.adminPath("/scim-tokens/" + w.tokenId)).status())
                .isEqualTo(204);
        assertScimError(w.scim.get("/scim/v2/Users/" + id), 401, null);
    }

    @Test
    void userLifecycleWithEntraPatchFormsAndDeactivation() {
        Api.Reply created = w.scim.send(
                "POST",
                "/scim/v2/Users",
                "{\"schemas\":"
                        + "[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"jörg\",\"externalId\":\"ext-1\","
                        + "\"name\":{\"givenName\":\"Jörg\",\"familyName\":\"Müller\"},\"active\":true}",
                SCIM_JSON);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asText();
        String location = w.server.baseUrl() + "/scim/v2/Users/" + id;
        assertThat(created.header("Location")).isEqualTo(location);
        assertThat(created.json().get("meta").get("location").asText()).isEqualTo(location);
        assertThat(created.header("ETag"))
                .isEqualTo(created.json().get("meta").get("version").asText())
                .startsWith("W/\"");
        assertThat(created.json().get("meta").get("created").asText()).matches(".*(Z|[+-]\\d\\d:\\d\\d)$");

        Api.Reply duplicate = w.scim.post("/scim/v2/Users", "{\"userName\":\"JÖRG\"}");
        assertScimError(duplicate, 409, "uniqueness");

        Api.Reply found = w.scim.get("/scim/v2/Users?filter=" + enc("userName eq \"jörg\""));
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        assertThat(found.json().get("totalResults").asInt()).isEqualTo(1);
        assertThat(found.json().get("Resources").get(0).get("id").asText()).isEqualTo(id);

        String check = "{\"member\":" + q(id) + ",\"permission\":\"workflows:read\"}";
        assertThat(w.admin
                        .post(w.adminPath("/authz/check"), check)
                        .json()
                        .get("allowed")
                        .asBoolean())
                .isTrue();

        // Entra: capitalised ops, value-path target creating the element, URN paths, booleans as strings.
        Api.Reply patched = w.scim.patch(
                "/scim/v2/Users/" + id,
                "{\"schemas\":"
                        + "[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":["
                        + "{\"op\":\"Replace\",\"path\":\"name.givenName\",\"value\":\"Joerg\"},"
                        + "{\"op\":\"Add\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"jorg@scim.example\"},"
                        + "{\"op\":\"Replace\",\"path\":\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:"
                        + "department\",\"value\":\"R&D\"},"
                        + "{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]}");
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        JsonNode user = w.scim.get("/scim/v2/Users/" + id).json();
        assertThat(user.get("name").get("givenName").asText()).isEqualTo("Joerg");
        assertThat(user.get("name").get("familyName").asText()).isEqualTo("Müller");
        assertThat(user.get("emails").get(0).get("type").asText()).isEqualTo("work");
        assertThat(user.get("emails").get(0).get("value").asText()).isEqualTo("jorg@scim.example");
        assertThat(user.get("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User")
                        .get("department")
                        .asText())
                .isEqualTo("R&D");
        assertThat(user.get("active").asBoolean()).isFalse();
        assertThat(user.get("externalId").asText()).isEqualTo("ext-1");

        // Deactivated: still a member (same role), but no permissions at all.
        Api.Reply member = w.admin.get(w.adminPath("/members/" + id));
        assertThat(member.status()).as(member.toString()).isEqualTo(200);
        assertThat(member.json().get("active").asBoolean()).isFalse();
        assertThat(member.json().get("role").asText()).isEqualTo("viewer");
        assertThat(w.admin
                        .post(w.adminPath("/authz/check"), check)
                        .json()
                        .get("allowed")
                        .asBoolean())
                .isFalse();
        assertThat(w.scim.get("/scim/v2/Users?filter=" + enc("active eq false"))
                        .json()
                        .get("totalResults")
                        .asInt())
                .isEqualTo(1);

        assertThat(w.scim.delete("/scim/v2/Users/" + id).status()).isEqualTo(204);
        assertScimError(w.scim.get("/scim/v2/Users/" + id), 404, null);
        assertThat(w.admin.get(w.adminPath("/members/" + id)).status()).isEqualTo(404);
    }

    @Test
    void concurrentWritesWithTheSameEtagGiveExactlyOne412() throws Exception {
        String id = w.user("race");
        Api.Reply current = w.scim.get("/scim/v2/Users/" + id);
        String etag = current.header("ETag");
        assertThat(w.scim.send("GET", "/scim/v2/Users/" + id, null, null).status())
                .isEqualTo(200);
        assertThat(ifNoneMatch(id, etag).status()).isEqualTo(304);

        for (int round = 0; round < 3; round++) {
            // Values differ per round: a write that changes nothing keeps the version and rightly succeeds.
            String suffix = " " + round;
            String tag = w.scim.get("/scim/v2/Users/" + id).header("ETag");
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Api.Reply>> writes = new ArrayList<>();
            writes.add(CompletableFuture.supplyAsync(() -> {
                await(start);
                return withIfMatch(
                        "PATCH",
                        id,
                        tag,
                        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                                + "\"Operations\":[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"patched" + suffix
                                + "\"}]}");
            }));
            writes.add(CompletableFuture.supplyAsync(() -> {
                await(start);
                return withIfMatch(
                        "PUT",
                        id,
                        tag,
                        "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                                + "\"userName\":\"race\",\"title\":\"replaced" + suffix + "\"}");
            }));
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (CompletableFuture<Api.Reply> write : writes) {
                Api.Reply reply = write.get();
                statuses.add(reply.status());
                if (reply.status() == 412) {
                    assertScimError(reply, 412, null);
                }
            }
            assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(200, 412);
        }
        Api.Reply after = w.scim.get("/scim/v2/Users/" + id);
        assertThat(after.header("ETag")).isNotEqualTo(etag);
        assertThat(ifNoneMatch(id, etag).status()).isEqualTo(200);
        assertThat(withIfMatch(
                                "PATCH",
                                id,
                                etag,
                                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                                        + "\"Operations\":[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"stale\"}]}")
                        .status())
                .isEqualTo(412);
        assertThat(w.scim.get("/scim/v2/Users/" + id).json().get("title").asText())
                .isNotEqualTo("stale");

        // Two creates of one userName at once: one wins, the other is a 409 uniqueness, never a 500.
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Api.Reply>> creates = new ArrayList<>();
        for (String name : List.of("twin", "TWIN")) {
            creates.add(CompletableFuture.supplyAsync(() -> {
                await(start);
                return w.scim.post("/scim/v2/Users", "{\"userName\":" + q(name) + "}");
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<Api.Reply> create : creates) {
            statuses.add(create.get().status());
        }
        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
    }

    @Test
    void badRequestsAreScimErrorsNever500() {
        String id = w.user("errors");
        assertScimError(
                w.scim.send("POST", "/scim/v2/Users", "{\"userName\": \"x\",", SCIM_JSON), 400, "invalidSyntax");
        Api.Reply wrongType = w.scim.send("POST", "/scim/v2/Users", "userName=x", "text/plain");
        assertThat(wrongType.status()).as(wrongType.toString()).isBetween(400, 499);
        assertScimError(wrongType, wrongType.status(), null);
        assertScimError(
                w.scim.post("/scim/v2/Users", "{\"userName\":\"y\",\"adreses\":[{\"street\":\"x\"}]}"),
                400,
                "invalidValue");
        assertScimError(
                w.scim.post("/scim/v2/Users", "{\"userName\":\"z\",\"groups\":[{\"value\":\"g\"}]}"),
                400,
                "mutability");
        assertScimError(
                w.scim.patch(
                        "/scim/v2/Users/" + id,
                        "{\"schemas\":"
                                + "[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"replace\","
                                + "\"path\":\"favouriteColour\",\"value\":\"red\"}]}"),
                400,
                "invalidPath");
        assertScimError(w.scim.get("/scim/v2/Users?filter=" + enc("shoeSize gt 3")), 400, "invalidFilter");
        assertScimError(w.scim.get("/scim/v2/Users?filter=" + enc("userName eq")), 400, "invalidFilter");
        assertThat(w.scim.get("/scim/v2/Users?filter=" + enc("userName eq \"y\" or userName eq \"z\""))
                        .json()
                        .get("totalResults")
                        .asInt())
                .isZero();
    }

    @Test
    void filterSortAndPagingRunThroughHttp() {
        List<String> names = List.of("page-g", "page-c", "page-a", "page-f", "page-b", "page-e", "page-d");
        names.forEach(w::user);
        w.user("other");
        Set<String> seen = new HashSet<>();
        List<String> order = new ArrayList<>();
        for (int start = 1; start <= 7; start += 3) {
            Api.Reply page = w.scim.get("/scim/v2/Users?filter=" + enc("userName sw \"page-\"")
                    + "&sortBy=userName&sortOrder=descending&startIndex=" + start + "&count=3");
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            assertThat(page.json().get("totalResults").asInt()).isEqualTo(7);
            assertThat(page.json().get("startIndex").asInt()).isEqualTo(start);
            page.json().get("Resources").forEach(r -> {
                assertThat(seen.add(r.get("id").asText())).isTrue();
                order.add(r.get("userName").asText());
            });
        }
        assertThat(order).containsExactly("page-g", "page-f", "page-e", "page-d", "page-c", "page-b", "page-a");

        Api.Reply searched = w.scim.send(
                "POST",
                "/scim/v2/Users/.search",
                "{\"schemas\":"
                        + "[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],\"filter\":\"userName sw \\\"page-\\\""
                        + " and not (userName eq \\\"page-a\\\")\",\"attributes\":[\"userName\"],\"count\":50}",
                SCIM_JSON);
        assertThat(searched.status()).as(searched.toString()).isEqualTo(200);
        assertThat(searched.json().get("totalResults").asInt()).isEqualTo(6);
        assertThat(searched.json().get("Resources").get(0).has("emails")).isFalse();
    }

    @Test
    void cursorPagingNeverRepeatsOrSkipsUnderConcurrentInserts() {
        Set<String> original = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            original.add(w.user("cursor-" + i));
        }
        String filter = "&filter=" + enc("userName sw \"cursor-\"");
        List<String> seen = new ArrayList<>();
        String cursor = "";
        int pages = 0;
        int inserted = 0;
        while (cursor != null && pages < 10) {
            Api.Reply page = w.scim.get("/scim/v2/Users?count=3&cursor=" + enc(cursor) + filter);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            assertThat(page.json().has("startIndex")).isFalse();
            assertThat(page.json().get("totalResults").asInt()).isEqualTo(7 + inserted);
            page.json().get("Resources").forEach(r -> seen.add(r.get("id").asText()));
            cursor = page.json().hasNonNull("nextCursor")
                    ? page.json().get("nextCursor").asText()
                    : null;
            // Writes between pages: new users land anywhere in the id order.
            w.user("cursor-new-" + pages);
            inserted++;
            pages++;
        }
        assertThat(seen).doesNotHaveDuplicates().containsAll(original);
        assertThat(pages).isBetween(3, 8);

        assertScimError(w.scim.get("/scim/v2/Users?count=3&cursor=bm9wZQ" + filter), 400, "invalidCursor");
        String first = w.scim.get("/scim/v2/Users?count=1&cursor=" + filter)
                .json()
                .get("nextCursor")
                .asText();
        assertScimError(w.scim.get("/scim/v2/Users?count=1&cursor=" + first), 400, "invalidCursor");
        assertScimError(w.scim.get("/scim/v2/Users?cursor=&startIndex=2"), 400, "invalidValue");
        Api.Reply searched = w.scim.send(
                "POST",
                "/scim/v2/Users/.search",
                "{\"cursor\":\"\",\"count\":2," + "\"filter\":\"userName sw \\\"cursor-\\\"\"}",
                SCIM_JSON);
        assertThat(searched.status()).as(searched.toString()).isEqualTo(200);
        assertThat(searched.json().get("Resources")).hasSize(2);
        assertThat(searched.json().hasNonNull("nextCursor")).isTrue();
        JsonNode config = w.scim.get("/scim/v2/ServiceProviderConfig").json();
        assertThat(config.get("pagination").get("cursor").asBoolean()).isTrue();
    }

    @Test
    void everyScimChangeIsAuditedWithTheTokenAsActor() {
        String id = w.user("audited");
        // A taken userName fails on the unique key: 409, and nothing of it written, audit event included.
        assertScimError(
                w.scim.post(
                        "/scim/v2/Users",
                        "{\"userName\":\"AUDITED\",\"emails\":"
                                + "[{\"value\":\"twin@scim.example\",\"type\":\"work\"}]}"),
                409,
                "uniqueness");
        assertThat(w.scim.get("/scim/v2/Users?filter=" + enc("emails.value eq \"twin@scim.example\""))
                        .json()
                        .get("totalResults")
                        .asInt())
                .isZero();
        w.scim.patch(
                "/scim/v2/Users/" + id,
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                        + "\"Operations\":[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Boss\"}]}");
        w.scim.delete("/scim/v2/Users/" + id);
        Api.Reply events = w.admin.get(w.adminPath("/audit-events?actor=" + w.tokenId));
        assertThat(events.status()).as(events.toString()).isEqualTo(200);
        List<String> actions = new ArrayList<>();
        events.json().get("items").forEach(e -> {
            assertThat(e.get("actorType").asText()).isEqualTo("SCIM_TOKEN");
            assertThat(e.get("actorId").asText()).isEqualTo(w.tokenId);
            assertThat(e.get("targetId").asText()).isEqualTo(id);
            actions.add(e.get("action").asText());
        });
        assertThat(actions)
                .hasSize(3)
                .anyMatch(a -> a.contains("created"))
                .anyMatch(a -> a.contains("updated"))
                .anyMatch(a -> a.contains("deleted"));
        assertThat(events.body()).doesNotContain(w.token);
    }

    private Api.Reply ifNoneMatch(String id, String etag) {
        return header("GET", id, "If-None-Match", etag, null);
    }

    private Api.Reply withIfMatch(String method, String id, String etag, String body) {
        return header(method, id, "If-Match", etag, body);
    }

    private Api.Reply header(String method, String id, String name, String value, String body) {
        return HeaderApi.send(w, method, "/scim/v2/Users/" + id, name, value, body);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
