package io.rollcall.scim;

import static io.rollcall.it.Api.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rollcall.it.Api;
import io.rollcall.it.RollcallServer;
import io.rollcall.it.TestAccounts;
import io.rollcall.it.TestAccounts.Person;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A workspace of its own for one SCIM IT: an owner (admin API) and a SCIM token (SCIM API) on the shared server.
 * Tests share the server, never rows.
 */
final class ScimWorkspace {

    static final String SCIM_JSON = "application/scim+json";
    /** The start of a PATCH body (RFC 7644 section 3.5.2): append operations and {@code "]}"}. */
    static final String PATCH =
            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"]," + "\"Operations\":[";

    final RollcallServer server;
    final Person owner;
    final Api admin;
    final String ws;
    final String tokenId;
    final String token;
    final Api scim;

    private ScimWorkspace(RollcallServer server, Person owner, Api admin, String ws, String tokenId, String token) {
        this.server = server;
        this.owner = owner;
        this.admin = admin;
        this.ws = ws;
        this.tokenId = tokenId;
        this.token = token;
        this.scim = admin.as(token);
    }

    static ScimWorkspace create() {
        RollcallServer server = RollcallServer.shared();
        Person owner = TestAccounts.create(server, "scim-owner");
        Api admin = new Api(server.baseUrl(), owner.token());
        String ws = "scim-" + owner.accountId().substring(0, 8);
        Api.Reply created = admin.post("/api/v1/workspaces", "{\"id\":" + q(ws) + ",\"name\":\"SCIM test\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Api.Reply token = admin.post("/api/v1/workspaces/" + ws + "/scim-tokens", "{\"name\":\"it-connector\"}");
        assertThat(token.status()).as(token.toString()).isEqualTo(201);
        return new ScimWorkspace(
                server,
                owner,
                admin,
                ws,
                token.json().get("id").asText(),
                token.json().get("token").asText());
    }

    String adminPath(String suffix) {
        return "/api/v1/workspaces/" + ws + suffix;
    }

    /** Creates a SCIM user and returns its id. */
    String user(String userName) {
        Api.Reply created = scim.send(
                "POST",
                "/scim/v2/Users",
                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                        + "\"userName\":" + q(userName)
                        + ",\"name\":{\"givenName\":\"Given\",\"familyName\":\"Family\"},"
                        + "\"emails\":[{\"value\":" + q(userName + "@scim.example")
                        + ",\"type\":\"work\",\"primary\":true}]}",
                SCIM_JSON);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    /** Creates a SCIM group with the given members and returns its id. */
    String group(String displayName, String... memberIds) {
        StringBuilder members = new StringBuilder();
        for (String id : memberIds) {
            members.append(members.length() == 0 ? "" : ",")
                    .append("{\"value\":")
                    .append(q(id))
                    .append('}');
        }
        Api.Reply created = scim.send(
                "POST",
                "/scim/v2/Groups",
                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"]," + "\"displayName\":" + q(displayName)
                        + ",\"members\":[" + members + "]}",
                SCIM_JSON);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static void assertScimError(Api.Reply reply, int status, String scimType) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).as(reply.toString()).startsWith(SCIM_JSON);
        JsonNode body = reply.json();
        assertThat(body.path("schemas").toString()).contains("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(body.path("status").asText()).isEqualTo(Integer.toString(status));
        if (scimType != null) {
            assertThat(body.path("scimType").asText()).isEqualTo(scimType);
        }
        assertThat(reply.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
