package io.rollcall.admin;

import static io.rollcall.it.Api.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rollcall.it.Api;
import io.rollcall.it.OwnedWorkspace;
import io.rollcall.it.RollcallServer;
import io.rollcall.it.TestAccounts.Person;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A SCIM token can change every member, owners included, so minting one is owner power: a member holding
 * {@code scim:manage} without the owner's permissions must not get a token and with it the owners' accounts.
 */
class ScimTokenPrivilegeIT {

    private static final String SCIM_JSON = "application/scim+json";

    private RollcallServer server;
    private OwnedWorkspace workspace;
    private Person owner;
    private Api api;

    @BeforeEach
    void newWorkspace() {
        server = RollcallServer.shared();
        workspace = OwnedWorkspace.create(server, "tok");
        owner = workspace.owner();
        api = workspace.api();
    }

    private String path(String suffix) {
        return workspace.path(suffix);
    }

    /** A member whose direct role is a new custom role with exactly {@code permissions}. */
    private Api memberWithCustomRole(String roleId, String permissions) {
        Api.Reply role = api.post(
                path("/roles"),
                "{\"id\":" + q(roleId) + ",\"name\":" + q(roleId) + ",\"permissions\":" + permissions + "}");
        assertThat(role.status()).as(role.toString()).isEqualTo(201);
        return workspace.join(server, roleId);
    }

    @Test
    void aMemberWithOnlyScimManageCannotMintATokenAndSoCannotReachTheOwner() {
        Api scimAdmin = memberWithCustomRole("scim-admin", "[\"scim:manage\",\"members:read\"]");

        Api.Reply minted = scimAdmin.post(path("/scim-tokens"), "{\"name\":\"escalation\"}");

        assertThat(minted.status()).as(minted.toString()).isEqualTo(403);
        assertThat(minted.json().path("code").asText()).isEqualTo("privilege-escalation");
        assertThat(minted.body()).doesNotContain("rcs_");
        // What it must not have achieved: no token exists, the owner is untouched.
        assertThat(api.get(path("/scim-tokens")).json().size()).isZero();
        JsonNode ownerMember = api.get(path("/members?q=" + owner.email().substring(0, 12)))
                .json()
                .path("items")
                .get(0);
        assertThat(ownerMember.path("active").asBoolean()).isTrue();
        assertThat(ownerMember.path("role").asText()).isEqualTo("owner");
        // Listing (and revoking) existing tokens stays with scim:manage.
        assertThat(scimAdmin.get(path("/scim-tokens")).status()).isEqualTo(200);
    }

    @Test
    void evenAContributorCannotMintATokenButAnOwnerCan() {
        Api almostOwner = memberWithCustomRole(
                "contrib-scim", "[\"scim:manage\",\"members:read\"," + "\"members:manage\",\"groups:manage\"]");
        assertThat(almostOwner.post(path("/scim-tokens"), "{\"name\":\"x\"}").status())
                .isEqualTo(403);

        Api.Reply minted = api.post(path("/scim-tokens"), "{\"name\":\"okta\"}");
        assertThat(minted.status()).as(minted.toString()).isEqualTo(201);
        assertThat(minted.json().path("createdBy").asText()).isEqualTo(owner.email());
    }

    @Test
    void tokenListShowsCreatorAndLastUseAndAuditEventsNameTheToken() {
        Api.Reply minted = api.post(path("/scim-tokens"), "{\"name\":\"entra-prod\"}");
        assertThat(minted.status()).as(minted.toString()).isEqualTo(201);
        String tokenId = minted.json().path("id").asText();
        JsonNode before = api.get(path("/scim-tokens")).json().get(0);
        assertThat(before.path("createdBy").asText()).isEqualTo(owner.email());
        assertThat(before.path("lastUsedAt").isMissingNode()
                        || before.path("lastUsedAt").isNull())
                .isTrue();

        Api scim = api.as(minted.json().path("token").asText());
        Api.Reply user = scim.send(
                "POST",
                "/scim/v2/Users",
                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:" + "User\"],\"userName\":\"pushed-"
                        + workspace.id() + "@example.com\"}",
                SCIM_JSON);
        assertThat(user.status()).as(user.toString()).isEqualTo(201);

        JsonNode after = api.get(path("/scim-tokens")).json().get(0);
        assertThat(after.path("lastUsedAt").asText()).isNotBlank();
        assertThat(after.path("createdBy").asText()).isEqualTo(owner.email());
        JsonNode events =
                api.get(path("/audit-events?action=scim.user.created")).json().path("items");
        assertThat(events.size()).isEqualTo(1);
        assertThat(events.get(0).path("actorType").asText()).isEqualTo("SCIM_TOKEN");
        assertThat(events.get(0).path("actorId").asText()).isEqualTo(tokenId);
        assertThat(events.get(0).path("actor").asText()).isEqualTo("entra-prod");
        JsonNode createdEvent = api.get(path("/audit-events?action=scim-token.created"))
                .json()
                .path("items")
                .get(0);
        assertThat(createdEvent.path("targetId").asText()).isEqualTo(tokenId);
        assertThat(createdEvent.path("summary").path("name").asText()).isEqualTo("entra-prod");
    }
}
