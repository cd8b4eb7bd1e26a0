package io.rollcall.admin;

import static io.rollcall.it.Api.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rollcall.it.Api;
import io.rollcall.it.OwnedWorkspace;
import io.rollcall.it.RollcallServer;
import io.rollcall.it.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The authorization check remembers members' permissions between calls; no grant may survive a change that removes it.
 * Each test first asks (so the answer is remembered), then changes one thing through the admin API or SCIM and asks
 * again at once. One instance; each test in a workspace of its own.
 */
class AuthzCheckFreshnessIT {

    private static final String SCIM_JSON = "application/scim+json";
    private static final String PATCH_OP =
            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"]," + "\"Operations\":[";

    private RollcallServer server;
    private OwnedWorkspace w;

    @BeforeEach
    void newWorkspace() {
        server = RollcallServer.shared();
        w = OwnedWorkspace.create(server, "fresh");
    }

    @Test
    void aDirectRoleChangeIsSeenByTheNextCheck() {
        String member = join("creator").memberId();
        assertAllowed(member, "workflows:write");

        patch("/members/" + member, "{\"role\":\"viewer\"}");
        assertDenied(member, "workflows:write", "no-permission");

        patch("/members/" + member, "{\"role\":\"creator\"}");
        assertAllowed(member, "workflows:write");
    }

    @Test
    void deactivationReactivationAndDeletionAreSeenByTheNextCheck() {
        String member = join("viewer").memberId();
        assertAllowed(member, "workflows:read");

        patch("/members/" + member, "{\"active\":false}");
        assertDenied(member, "workflows:read", "member-deactivated");

        patch("/members/" + member, "{\"active\":true}");
        assertAllowed(member, "workflows:read");

        assertThat(w.api().delete(w.path("/members/" + member)).status()).isEqualTo(204);
        assertDenied(member, "workflows:read", "unknown-member");
    }

    @Test
    void groupRoleAndMembershipChangesAreSeenByTheNextCheck() {
        String member = join("viewer").memberId();
        Api.Reply group = w.api()
                .post(
                        w.path("/groups"),
                        "{\"name\":\"Builders\",\"membershipType\":\"STATIC\"," + "\"role\":\"creator\"}");
        assertThat(group.status()).as(group.toString()).isEqualTo(201);
        String groupPath = "/groups/" + group.json().get("id").asText();
        assertDenied(member, "workflows:write", "no-permission");

        addToGroup(groupPath, member);
        assertAllowed(member, "workflows:write");

        patch(groupPath, "{\"role\":\"viewer\"}");
        assertDenied(member, "workflows:write", "no-permission");

        patch(groupPath, "{\"role\":\"creator\"}");
        assertAllowed(member, "workflows:write");

        assertThat(w.api().delete(w.path(groupPath + "/members/" + member)).status())
                .isEqualTo(204);
        assertDenied(member, "workflows:write", "no-permission");

        addToGroup(groupPath, member);
        assertAllowed(member, "workflows:write");

        assertThat(w.api().delete(w.path(groupPath)).status()).isEqualTo(204);
        assertDenied(member, "workflows:write", "no-permission");
    }

    @Test
    void editedRolePermissionsAreSeenByTheNextCheck() {
        Api.Reply role = w.api()
                .post(
                        w.path("/roles"),
                        "{\"id\":\"deployer\",\"name\":\"Deployer\","
                                + "\"permissions\":[\"workflows:run\",\"members:read\"]}");
        assertThat(role.status()).as(role.toString()).isEqualTo(201);
        String member = join("viewer").memberId();
        patch("/members/" + member, "{\"role\":\"deployer\"}");
        assertAllowed(member, "workflows:run");

        patch("/roles/deployer", "{\"permissions\":[\"members:read\"]}");
        assertDenied(member, "workflows:run", "no-permission");

        patch("/roles/deployer", "{\"permissions\":[\"members:read\",\"workflows:run\"]}");
        assertAllowed(member, "workflows:run");
    }

    @Test
    void scimUserAndGroupChangesAreSeenByTheNextCheck() {
        Api.Reply token = w.api().post(w.path("/scim-tokens"), "{\"name\":\"idp\"}");
        assertThat(token.status()).as(token.toString()).isEqualTo(201);
        Api scim = new Api(server.baseUrl(), token.json().get("token").asText());
        Api.Reply user = scim.send(
                "POST",
                "/scim/v2/Users",
                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:"
                        + "User\"],\"userName\":\"pat@fresh.example\"}",
                SCIM_JSON);
        assertThat(user.status()).as(user.toString()).isEqualTo(201);
        String member = user.json().get("id").asText();
        String members = "[{\"value\":" + q(member) + "}]";
        Api.Reply group = scim.send(
                "POST",
                "/scim/v2/Groups",
                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:"
                        + "Group\"],\"displayName\":\"Builders\",\"members\":" + members + "}",
                SCIM_JSON);
        assertThat(group.status()).as(group.toString()).isEqualTo(201);
        String groupId = group.json().get("id").asText();
        patch("/groups/" + groupId, "{\"role\":\"creator\"}");
        assertAllowed(member, "workflows:write");

        scimOk(scim.send(
                "PATCH",
                "/scim/v2/Groups/" + groupId,
                PATCH_OP + "{\"op\":\"remove\",\"path\":" + q("members[value eq \"" + member + "\"]") + "}]}",
                SCIM_JSON));
        assertDenied(member, "workflows:write", "no-permission");

        scimOk(scim.send(
                "PUT",
                "/scim/v2/Groups/" + groupId,
                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:"
                        + "Group\"],\"displayName\":\"Builders\",\"members\":" + members + "}",
                SCIM_JSON));
        assertAllowed(member, "workflows:write");

        scimOk(scim.send(
                "PATCH",
                "/scim/v2/Users/" + member,
                PATCH_OP + "{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}",
                SCIM_JSON));
        assertDenied(member, "workflows:write", "member-deactivated");

        scimOk(scim.send(
                "PATCH",
                "/scim/v2/Users/" + member,
                PATCH_OP + "{\"op\":\"replace\",\"path\":\"active\",\"value\":true}]}",
                SCIM_JSON));
        assertAllowed(member, "workflows:write");

        assertThat(scim.send("DELETE", "/scim/v2/Groups/" + groupId, null, null).status())
                .isEqualTo(204);
        assertDenied(member, "workflows:write", "no-permission");

        assertThat(scim.send("DELETE", "/scim/v2/Users/" + member, null, null).status())
                .isEqualTo(204);
        assertDenied(member, "workflows:read", "unknown-member");
    }

    @Test
    void theAskingCallersOwnPermissionIsNeverStale() {
        Joined asker = join("viewer");
        String other = join("viewer").memberId();
        Api.Reply role = w.api()
                .post(
                        w.path("/roles"),
                        "{\"id\":\"runner\",\"name\":\"Runner\"," + "\"permissions\":[\"workflows:run\"]}");
        assertThat(role.status()).as(role.toString()).isEqualTo(201);
        String check = "/authz/check";
        String body = "{\"member\":" + q(other) + ",\"permission\":\"workflows:read\"}";
        assertThat(asker.api().post(w.path(check), body).status()).isEqualTo(200);

        patch("/members/" + asker.memberId(), "{\"role\":\"runner\"}");
        Api.Reply withoutMembersRead = asker.api().post(w.path(check), body);
        assertThat(withoutMembersRead.status())
                .as(withoutMembersRead.toString())
                .isEqualTo(403);
        assertThat(withoutMembersRead.json().get("code").asText()).isEqualTo("missing-permission");

        patch("/members/" + asker.memberId(), "{\"role\":\"viewer\"}");
        assertThat(asker.api().post(w.path(check), body).status()).isEqualTo(200);

        patch("/members/" + asker.memberId(), "{\"active\":false}");
        assertThat(asker.api().post(w.path(check), body).status()).isEqualTo(403);

        assertThat(w.api().delete(w.path("/members/" + asker.memberId())).status())
                .isEqualTo(204);
        assertThat(asker.api().post(w.path(check), body).status())
                .as("no longer a member: the workspace is unknown")
                .isEqualTo(404);
    }

    private record Joined(String memberId, Api api) {}

    /** Invites a new person with {@code role} and has them accept. */
    private Joined join(String role) {
        TestAccounts.Person person = TestAccounts.create(server, "fresh-" + role);
        Api.Reply invite =
                w.api().post(w.path("/invites"), "{\"email\":" + q(person.email()) + ",\"role\":" + q(role) + "}");
        assertThat(invite.status()).as(invite.toString()).isEqualTo(201);
        Api.Reply accepted = w.api()
                .as(person.token())
                .post(
                        "/api/v1/invites/accept",
                        "{\"token\":" + q(invite.json().get("token").asText()) + "}");
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        return new Joined(accepted.json().get("id").asText(), w.api().as(person.token()));
    }

    private void addToGroup(String groupPath, String member) {
        Api.Reply added = w.api().post(w.path(groupPath + "/members"), "{\"memberId\":" + q(member) + "}");
        assertThat(added.status()).as(added.toString()).isEqualTo(204);
    }

    private void patch(String suffix, String body) {
        Api.Reply reply = w.api().patch(w.path(suffix), body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    private static void scimOk(Api.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isIn(200, 204);
    }

    private JsonNode check(String member, String permission) {
        Api.Reply reply = w.api()
                .post(w.path("/authz/check"), "{\"member\":" + q(member) + ",\"permission\":" + q(permission) + "}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    private void assertAllowed(String member, String permission) {
        JsonNode decision = check(member, permission);
        assertThat(decision.get("allowed").asBoolean()).as(decision.toString()).isTrue();
        // Asked twice: the second answer comes from what the first one read, and must be the same.
        assertThat(check(member, permission)).isEqualTo(decision);
    }

    private void assertDenied(String member, String permission, String reason) {
        JsonNode decision = check(member, permission);
        assertThat(decision.get("allowed").asBoolean()).as(decision.toString()).isFalse();
        assertThat(decision.get("reason").asText()).isEqualTo(reason);
        assertThat(check(member, permission)).isEqualTo(decision);
    }
}
