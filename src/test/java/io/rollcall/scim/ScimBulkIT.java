package io.rollcall.scim;

import static io.rollcall.it.Api.q;
import static io.rollcall.scim.ScimWorkspace.SCIM_JSON;
import static io.rollcall.scim.ScimWorkspace.assertScimError;
import static io.rollcall.scim.ScimWorkspace.enc;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rollcall.it.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /Bulk} over HTTP on the real server (H2 and MariaDB). */
class ScimBulkIT {

    private static final String REQUEST = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"],";

    private ScimWorkspace w;

    @BeforeEach
    void newWorkspace() {
        w = ScimWorkspace.create();
    }

    @Test
    void bulkIdReferencesResolveInAnyOrderAndEachOperationReportsItsOutcome() {
        JsonNode config = w.scim.get("/scim/v2/ServiceProviderConfig").json();
        assertThat(config.get("bulk").get("supported").asBoolean()).isTrue();
        assertThat(config.get("bulk").get("maxOperations").asInt()).isEqualTo(1000);
        assertThat(config.get("bulk").get("maxPayloadSize").asInt()).isEqualTo(1_048_576);

        Api.Reply reply = w.scim.send(
                "POST",
                "/scim/v2/Bulk",
                REQUEST + "\"Operations\":["
                        // The group comes first and refers to users created after it.
                        + "{\"method\":\"POST\",\"path\":\"/Groups\",\"bulkId\":\"g1\",\"data\":{\"displayName\":\"Bulk group\","
                        + "\"members\":[{\"value\":\"bulkId:u1\"},{\"value\":\"bulkId:u2\"}]}},"
                        + "{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"u1\",\"data\":{\"userName\":\"bulk-1\"}},"
                        + "{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"u2\",\"data\":{\"userName\":\"bulk-2\"}},"
                        + "{\"method\":\"PATCH\",\"path\":\"/Users/bulkId:u1\",\"data\":{\"schemas\":"
                        + "[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"replace\","
                        + "\"path\":\"active\",\"value\":false}]}},"
                        + "{\"method\":\"DELETE\",\"path\":\"/Users/00000000-0000-0000-0000-000000000000\"},"
                        + "{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"u3\",\"data\":{\"userName\":\"bulk-3\","
                        + "\"shoeSize\":42}}]}",
                SCIM_JSON);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith(SCIM_JSON);
        Map<String, JsonNode> byKey = new TreeMap<>();
        reply.json()
                .get("Operations")
                .forEach(op ->
                        byKey.put(op.path("bulkId").asText(op.get("method").asText()), op));
        assertThat(byKey).hasSize(6);
        assertThat(byKey.get("u1").get("status").asText()).isEqualTo("201");
        assertThat(byKey.get("u1").get("location").asText()).startsWith(w.server.baseUrl() + "/scim/v2/Users/");
        assertThat(byKey.get("u1").get("version").asText()).startsWith("W/\"");
        assertThat(byKey.get("g1").get("status").asText()).isEqualTo("201");
        assertThat(byKey.get("PATCH").get("status").asText()).isEqualTo("200");
        assertThat(byKey.get("DELETE").get("status").asText()).isEqualTo("404");
        assertThat(byKey.get("DELETE").get("response").get("schemas").toString())
                .contains("Error");
        assertThat(byKey.get("u3").get("status").asText()).isEqualTo("400");
        assertThat(byKey.get("u3").get("response").get("scimType").asText()).isEqualTo("invalidValue");

        String u1 = idOf(byKey.get("u1"));
        String u2 = idOf(byKey.get("u2"));
        String g1 = idOf(byKey.get("g1"));
        JsonNode group = w.scim.get("/scim/v2/Groups/" + g1).json();
        List<String> members = new ArrayList<>();
        group.get("members").forEach(m -> members.add(m.get("value").asText()));
        assertThat(members).containsExactlyInAnyOrder(u1, u2);
        assertThat(w.scim.get("/scim/v2/Users/" + u1).json().get("active").asBoolean())
                .isFalse();
        assertThat(w.scim.get("/scim/v2/Users?filter=" + enc("userName eq \"bulk-3\""))
                        .json()
                        .get("totalResults")
                        .asInt())
                .isZero();
        Api.Reply audit = w.admin.get(w.adminPath("/audit-events?actor=" + w.tokenId));
        assertThat(audit.json().get("total").asInt()).isEqualTo(4);
    }

    @Test
    void failOnErrorsStopsProcessingAndUnresolvableReferencesAndLimitsAreRefused() {
        Api.Reply stopped = w.scim.send(
                "POST",
                "/scim/v2/Bulk",
                REQUEST + "\"failOnErrors\":1,\"Operations\":["
                        + "{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"a\",\"data\":{\"userName\":\"dup\"}},"
                        + "{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"b\",\"data\":{\"userName\":\"DUP\"}},"
                        + "{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"c\",\"data\":{\"userName\":\"never\"}}]}",
                SCIM_JSON);
        assertThat(stopped.status()).as(stopped.toString()).isEqualTo(200);
        JsonNode results = stopped.json().get("Operations");
        assertThat(results).hasSize(2);
        assertThat(results.get(1).get("status").asText()).isEqualTo("409");
        assertThat(results.get(1).get("response").get("scimType").asText()).isEqualTo("uniqueness");
        assertThat(w.scim.get("/scim/v2/Users?filter=" + enc("userName eq \"never\""))
                        .json()
                        .get("totalResults")
                        .asInt())
                .isZero();

        Api.Reply unresolved = w.scim.send(
                "POST",
                "/scim/v2/Bulk",
                REQUEST + "\"Operations\":["
                        + "{\"method\":\"POST\",\"path\":\"/Groups\",\"bulkId\":\"x\",\"data\":{\"displayName\":\"X\","
                        + "\"members\":[{\"value\":\"bulkId:y\"}]}},"
                        + "{\"method\":\"POST\",\"path\":\"/Groups\",\"bulkId\":\"y\",\"data\":{\"displayName\":\"Y\","
                        + "\"members\":[{\"value\":\"bulkId:x\"}]}},"
                        + "{\"method\":\"POST\",\"path\":\"/Groups\",\"bulkId\":\"z\",\"data\":{\"displayName\":\"Z\","
                        + "\"members\":[{\"value\":\"bulkId:nobody\"}]}}]}",
                SCIM_JSON);
        assertThat(unresolved.status()).as(unresolved.toString()).isEqualTo(200);
        unresolved.json().get("Operations").forEach(op -> assertThat(
                        op.get("status").asText())
                .isEqualTo("409"));
        assertThat(unresolved.json().get("Operations")).hasSize(3);
        assertThat(w.scim.get("/scim/v2/Groups").json().get("totalResults").asInt())
                .isZero();

        StringBuilder many = new StringBuilder(REQUEST + "\"Operations\":[");
        for (int i = 0; i <= 1000; i++) {
            many.append(i == 0 ? "" : ",")
                    .append("{\"method\":\"DELETE\",\"path\":\"/Users/x")
                    .append(i)
                    .append("\"}");
        }
        assertScimError(w.scim.send("POST", "/scim/v2/Bulk", many + "]}", SCIM_JSON), 413, "tooMany");
        String big = "x".repeat(1_100_000);
        assertScimError(
                w.scim.send(
                        "POST",
                        "/scim/v2/Bulk",
                        REQUEST + "\"Operations\":[{\"method\":\"POST\","
                                + "\"path\":\"/Users\",\"bulkId\":\"big\",\"data\":{\"userName\":" + q(big) + "}}]}",
                        SCIM_JSON),
                413,
                "tooMany");
        assertScimError(w.scim.send("POST", "/scim/v2/Bulk", "{\"Operations\":", SCIM_JSON), 400, "invalidSyntax");
    }

    private static String idOf(JsonNode result) {
        String location = result.get("location").asText();
        return location.substring(location.lastIndexOf('/') + 1);
    }
}
