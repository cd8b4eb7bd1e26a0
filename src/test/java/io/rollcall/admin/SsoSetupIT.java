package io.rollcall.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rollcall.it.Api;
import io.rollcall.it.OwnedWorkspace;
import io.rollcall.it.RollcallServer;
import io.rollcall.it.TestAccounts;
import io.rollcall.it.TestAccounts.Person;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Setting up SSO from the IdP admin's side: Rollcall's URLs first, then claims exactly as the IdP sends them. */
class SsoSetupIT {

    private RollcallServer server;
    private Api api;
    private String ws;

    @BeforeEach
    void newWorkspace() {
        server = RollcallServer.shared();
        OwnedWorkspace workspace = OwnedWorkspace.create(server, "ssoset");
        api = workspace.api();
        ws = workspace.id();
    }

    private String path(String suffix) {
        return "/api/v1/workspaces/" + ws + suffix;
    }

    @Test
    void beforeAnyConnectionGetAnswersRollcallsOwnUrlsForTheIdpAdmin() {
        Api.Reply reply = api.get(path("/sso"));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(body.path("configured").asBoolean()).isFalse();
        assertThat(body.path("type").isNull() || body.path("type").isMissingNode())
                .isTrue();
        String base = server.baseUrl() + "/sso/" + ws;
        JsonNode sp = body.path("serviceProvider");
        assertThat(sp.path("entityId").asText()).isEqualTo(base + "/saml/metadata");
        assertThat(sp.path("metadataUrl").asText()).isEqualTo(base + "/saml/metadata");
        assertThat(sp.path("acsUrl").asText()).isEqualTo(base + "/saml/acs");
        assertThat(sp.path("redirectUri").asText()).isEqualTo(base + "/oidc/callback");
        assertThat(sp.path("loginUrl").asText()).isEqualTo(base + "/login");
        // Nothing was created by looking.
        assertThat(api.get(path("/audit-events?action=sso.connection.updated"))
                        .json()
                        .path("items")
                        .size())
                .isZero();
        Person stranger = TestAccounts.create(server, "sso-stranger");
        assertThat(api.as(stranger.token()).get(path("/sso")).status()).isEqualTo(404);
    }

    @Test
    void dryRunAcceptsEntrasOverageShapeAndReportsTheOverage() {
        assertThat(api.post(path("/scim-tokens"), "{\"name\":\"for-dynamic-groups\"}")
                        .status())
                .isEqualTo(201);
        Api.Reply group = api.post(path("/groups"), "{\"name\":\"Engineering\",\"membershipType\":\"DYNAMIC\"}");
        assertThat(group.status()).as(group.toString()).isEqualTo(201);
        String groupId = group.json().path("id").asText();
        assertThat(api.put(
                                path("/groups/" + groupId + "/claim-rules"),
                                "[{\"claim\":\"groups\",\"match\":\"EQUALS\",\"value\":\"eng-id\"}]")
                        .status())
                .isEqualTo(200);

        Api.Reply overage = api.post(
                path("/sso/dry-run"),
                "{\"claims\":{\"name\":\"Ada\",\"_claim_names\":"
                        + "{\"groups\":\"src1\"},\"_claim_sources\":{\"src1\":{\"endpoint\":"
                        + "\"https://graph.windows.net/tenant/users/oid/getMemberObjects\"}},\"email_verified\":true,"
                        + "\"iat\":1700000000}}");

        assertThat(overage.status()).as(overage.toString()).isEqualTo(200);
        assertThat(overage.json().path("overage").asBoolean()).isTrue();
        assertThat(overage.json().path("groups").size()).isZero();

        Api.Reply normal = api.post(path("/sso/dry-run"), "{\"claims\":{\"groups\":[\"eng-id\",\"other\"]}}");
        assertThat(normal.json().path("overage").asBoolean()).isFalse();
        assertThat(normal.json().path("groups").findValuesAsText("name")).containsExactly("Engineering");
        Api.Reply single = api.post(path("/sso/dry-run"), "{\"claims\":{\"groups\":\"eng-id\"}}");
        assertThat(single.json().path("groups").findValuesAsText("id")).containsExactly(groupId);
    }
}
