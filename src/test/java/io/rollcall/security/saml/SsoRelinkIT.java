package io.rollcall.security.saml;

import static io.rollcall.it.Api.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rollcall.it.Api;
import io.rollcall.it.OwnedWorkspace;
import io.rollcall.it.RollcallServer;
import io.rollcall.it.TestAccounts;
import io.rollcall.it.TestAccounts.Person;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A workspace that moves to another IdP (another SAML issuer here; OIDC to SAML changes the subject the same way):
 * members bound to the old IdP's subjects are refused with 409 {@code subject-mismatch} until an owner unlinks them
 * ({@code DELETE .../members/{id}/identities}) or sets {@code relinkByEmail} on the new connection. Logins are real
 * SAML POST-binding round trips against the server, with responses signed by a test IdP.
 */
class SsoRelinkIT {

    private RollcallServer server;
    private OwnedWorkspace workspace;
    private Api owner;
    private String ws;

    @BeforeEach
    void newWorkspace() {
        server = RollcallServer.shared();
        workspace = OwnedWorkspace.create(server, "relink");
        owner = workspace.api();
        ws = workspace.id();
    }

    private String path(String suffix) {
        return "/api/v1/workspaces/" + ws + suffix;
    }

    private void connect(SamlTestIdp idp, boolean relinkByEmail) {
        Api.Reply put = owner.put(path("/sso"), idp.connection(relinkByEmail));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.json().path("relinkByEmail").asBoolean()).isEqualTo(relinkByEmail);
    }

    private String invite(String email) {
        Api.Reply invite = owner.post(path("/invites"), "{\"email\":" + q(email) + ",\"role\":\"viewer\"}");
        assertThat(invite.status()).as(invite.toString()).isEqualTo(201);
        return email;
    }

    /** A full SAML login: start, answer the AuthnRequest as {@code idp} would, post it to the ACS. */
    private Api.Reply login(SamlTestIdp idp, String nameId, String email) {
        return idp.login(server.baseUrl(), ws, nameId, email);
    }

    private String memberId(String email) {
        return owner.get(path("/members?q=" + email))
                .json()
                .path("items")
                .get(0)
                .path("id")
                .asText();
    }

    private JsonNode identities(String memberId) {
        Api.Reply reply = owner.get(path("/members/" + memberId + "/identities"));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    @Test
    void afterAnIdpChangeAnOwnerUnlinksAMemberWhoseNextLoginLinksByVerifiedEmail() {
        SamlTestIdp oldIdp = SamlTestIdp.create("old");
        SamlTestIdp newIdp = SamlTestIdp.create("new");
        connect(oldIdp, false);
        String email = invite("ada-" + ws + "@relink.example");
        assertThat(login(oldIdp, "ada-old", email).status()).isEqualTo(303);
        String memberId = memberId(email);
        assertThat(identities(memberId).findValuesAsText("subject")).containsExactly(oldIdp.entityId() + "|ada-old");

        connect(newIdp, false);
        Api.Reply refused = login(newIdp, "ada-new", email);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().path("code").asText()).isEqualTo("subject-mismatch");

        Api.Reply unlinked = owner.delete(path("/members/" + memberId + "/identities"));
        assertThat(unlinked.status()).as(unlinked.toString()).isEqualTo(204);
        assertThat(identities(memberId).size()).isZero();
        JsonNode audit = owner.get(path("/audit-events?action=member.sso-unlinked"))
                .json()
                .path("items")
                .get(0);
        assertThat(audit.path("targetId").asText()).isEqualTo(memberId);
        assertThat(audit.path("summary").path("subject").asText()).isEqualTo(oldIdp.entityId() + "|ada-old");
        assertThat(owner.delete(path("/members/" + memberId + "/identities")).status())
                .as("nothing left to unlink")
                .isEqualTo(404);

        assertThat(login(newIdp, "ada-new", email).status()).isEqualTo(303);
        assertThat(memberId(email))
                .as("the same member, with its role and groups")
                .isEqualTo(memberId);
        assertThat(identities(memberId).findValuesAsText("subject")).containsExactly(newIdp.entityId() + "|ada-new");
    }

    @Test
    void relinkByEmailOnTheNewConnectionRebindsMembersAtTheirNextLogin() {
        SamlTestIdp oldIdp = SamlTestIdp.create("old");
        SamlTestIdp newIdp = SamlTestIdp.create("new");
        connect(oldIdp, false);
        String email = invite("bob-" + ws + "@relink.example");
        assertThat(login(oldIdp, "bob-old", email).status()).isEqualTo(303);
        String memberId = memberId(email);

        connect(newIdp, true);
        Api.Reply relinked = login(newIdp, "bob-new", email);

        assertThat(relinked.status()).as(relinked.toString()).isEqualTo(303);
        assertThat(memberId(email)).isEqualTo(memberId);
        assertThat(identities(memberId).findValuesAsText("subject")).containsExactly(newIdp.entityId() + "|bob-new");
        JsonNode audit = owner.get(path("/audit-events?action=member.sso-relinked"))
                .json()
                .path("items")
                .get(0);
        assertThat(audit.path("summary").path("previousSubject").asText()).isEqualTo(oldIdp.entityId() + "|bob-old");

        connect(newIdp, false);
        assertThat(login(newIdp, "bob-new", email).status())
                .as("bound to the new subject now")
                .isEqualTo(303);
    }

    @Test
    void unlinkingNeedsThePermissionsOfTheMembersRoleAndStrangersSeeNothing() {
        SamlTestIdp idp = SamlTestIdp.create("only");
        connect(idp, false);
        String email = invite("cy-" + ws + "@relink.example");
        assertThat(login(idp, "cy", email).status()).isEqualTo(303);
        String memberId = memberId(email);
        Person stranger = TestAccounts.create(server, "relink-stranger");
        assertThat(owner.as(stranger.token())
                        .get(path("/members/" + memberId + "/identities"))
                        .status())
                .isEqualTo(404);
        assertThat(owner.as(stranger.token())
                        .delete(path("/members/" + memberId + "/identities"))
                        .status())
                .isEqualTo(404);
        // A member manager without the viewer role's permissions may not change a viewer (privilege ceiling).
        assertThat(owner.post(
                                path("/roles"),
                                "{\"id\":\"people\",\"name\":\"People\",\"permissions\":"
                                        + "[\"members:read\",\"members:manage\"]}")
                        .status())
                .isEqualTo(201);
        Api managerApi = workspace.join(server, "people");
        assertThat(managerApi.get(path("/members/" + memberId + "/identities")).status())
                .isEqualTo(200);
        Api.Reply refused = managerApi.delete(path("/members/" + memberId + "/identities"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.json().path("code").asText()).isEqualTo("privilege-escalation");
        assertThat(identities(memberId).size()).as("still linked").isEqualTo(1);
    }
}
