package io.rollcall.scim;

import static io.rollcall.it.Api.q;
import static io.rollcall.scim.ScimWorkspace.PATCH;
import static io.rollcall.scim.ScimWorkspace.SCIM_JSON;
import static io.rollcall.scim.ScimWorkspace.assertScimError;
import static io.rollcall.scim.ScimWorkspace.enc;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rollcall.it.Api;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What Okta and Entra send, over HTTP on the real server (H2 and MariaDB): read-only values echoed back, group names
 * shared with STATIC groups, app roles on users, the bare-token header, and invalid Unicode. Issue 8, items 1, 2, 3
 * (stored attributes), 4 and 12; each test in a workspace of its own.
 */
class ScimInteropIT {

    private ScimWorkspace w;

    @BeforeEach
    void newWorkspace() {
        w = ScimWorkspace.create();
    }

    /** Okta's group rename: a path-less replace that restates the group's own id. */
    @Test
    void oktaRenamesAGroupWithItsOwnIdInThePatchValue() {
        String group = w.group("Old name");
        Api.Reply renamed = w.scim.patch(
                "/scim/v2/Groups/" + group,
                PATCH + "{\"op\":\"replace\"," + "\"value\":{\"id\":" + q(group) + ",\"displayName\":\"New name\"}}]}");
        assertThat(renamed.status()).as(renamed.toString()).isIn(200, 204);
        assertThat(w.scim.get("/scim/v2/Groups/" + group)
                        .json()
                        .get("displayName")
                        .asText())
                .isEqualTo("New name");

        Api.Reply otherId = w.scim.patch(
                "/scim/v2/Groups/" + group,
                PATCH + "{\"op\":\"replace\","
                        + "\"value\":{\"id\":\"00000000-0000-4000-8000-000000000000\",\"displayName\":\"Stolen\"}}]}");
        assertScimError(otherId, 400, "mutability");
        assertThat(w.scim.get("/scim/v2/Groups/" + group)
                        .json()
                        .get("displayName")
                        .asText())
                .isEqualTo("New name");
    }

    @Test
    void aUserPatchOrPutEchoingIdMetaAndGroupsSucceedsAndADifferentValueIsRefused() {
        String id = w.user("echo");
        String group = w.group("Echoed", id);
        JsonNode current = w.scim.get("/scim/v2/Users/" + id).json();
        assertThat(current.get("groups")).hasSize(1);

        ObjectNode value = ((ObjectNode) current.deepCopy()).put("displayName", "Echo Patched");
        value.remove("schemas");
        Api.Reply patched = w.scim.patch(
                "/scim/v2/Users/" + id,
                PATCH + "{\"op\":\"replace\",\"value\":" + value + "},{\"op\":\"add\",\"value\":{\"id\":" + q(id)
                        + ",\"groups\":" + current.get("groups") + "}}]}");
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().get("displayName").asText()).isEqualTo("Echo Patched");
        assertThat(patched.json().get("groups").get(0).get("value").asText()).isEqualTo(group);

        JsonNode fresh = w.scim.get("/scim/v2/Users/" + id).json();
        ObjectNode put = ((ObjectNode) fresh.deepCopy()).put("title", "Put with echoes");
        Api.Reply replaced = w.scim.put("/scim/v2/Users/" + id, put.toString());
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(replaced.json().get("title").asText()).isEqualTo("Put with echoes");

        assertScimError(
                w.scim.patch(
                        "/scim/v2/Users/" + id,
                        PATCH + "{\"op\":\"replace\",\"value\":{\"id\":\"other\"," + "\"title\":\"x\"}}]}"),
                400,
                "mutability");
        assertScimError(
                w.scim.patch(
                        "/scim/v2/Users/" + id,
                        PATCH + "{\"op\":\"replace\",\"value\":{\"meta\":"
                                + "{\"created\":\"2001-01-01T00:00:00Z\"}}}]}"),
                400,
                "mutability");
        // A PUT replaying a stale meta is not asking for a change (RFC 7644 section 3.5.1): ignored.
        ObjectNode staleMeta =
                ((ObjectNode) w.scim.get("/scim/v2/Users/" + id).json().deepCopy());
        ((ObjectNode) staleMeta.get("meta")).put("created", "2019-09-18T18:15:26.5788954+00:00");
        Api.Reply stale = w.scim.put("/scim/v2/Users/" + id, staleMeta.toString());
        assertThat(stale.status()).as(stale.toString()).isEqualTo(200);
        assertThat(stale.json().at("/meta/created").asText()).isNotEqualTo("2019-09-18T18:15:26.578Z");
        ObjectNode otherId =
                ((ObjectNode) w.scim.get("/scim/v2/Users/" + id).json().deepCopy()).put("id", "other");
        assertScimError(w.scim.put("/scim/v2/Users/" + id, otherId.toString()), 400, "mutability");
        assertScimError(
                w.scim.patch(
                        "/scim/v2/Users/" + id,
                        PATCH + "{\"op\":\"add\",\"value\":{\"groups\":" + "[{\"value\":" + q(group)
                                + "},{\"value\":\"another\"}]}}]}"),
                400,
                "mutability");
        assertThat(w.scim.get("/scim/v2/Users/" + id).json().get("title").asText())
                .isEqualTo("Put with echoes");
    }

    @Test
    void aGroupPutEchoingIdMetaAndMemberDisplaysSucceeds() {
        String id = w.user("member-of-put");
        String group = w.group("Put group", id);
        ObjectNode current =
                (ObjectNode) w.scim.get("/scim/v2/Groups/" + group).json().deepCopy();
        assertThat(current.at("/members/0/display").isTextual()).isTrue();
        Api.Reply replaced = w.scim.put(
                "/scim/v2/Groups/" + group,
                current.put("displayName", "Put renamed").toString());
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(replaced.json().get("displayName").asText()).isEqualTo("Put renamed");
        assertThat(replaced.json().at("/members/0/value").asText()).isEqualTo(id);
        assertScimError(
                w.scim.put(
                        "/scim/v2/Groups/" + group,
                        current.put("id", "someone-else").toString()),
                400,
                "mutability");
    }

    @Test
    void staticGroupFirstDoesNotBlockTheIdpsPushOfTheSameName() {
        Api.Reply staticGroup =
                w.admin.post(w.adminPath("/groups"), "{\"name\":\"Admins\",\"membershipType\":\"STATIC\"}");
        assertThat(staticGroup.status()).as(staticGroup.toString()).isEqualTo(201);
        String staticId = staticGroup.json().get("id").asText();

        Api.Reply search = w.scim.get("/scim/v2/Groups?filter=" + enc("displayName eq \"Admins\""));
        assertThat(search.json().get("totalResults").asInt()).isZero();
        Api.Reply pushed = w.scim.post("/scim/v2/Groups", "{\"displayName\":\"Admins\"}");
        assertThat(pushed.status()).as(pushed.toString()).isEqualTo(201);
        String dynamicId = pushed.json().get("id").asText();
        assertThat(w.scim.get("/scim/v2/Groups?filter=" + enc("displayName eq \"Admins\""))
                        .json()
                        .at("/Resources/0/id")
                        .asText())
                .isEqualTo(dynamicId);

        // The admin API shows both, told apart by membershipType.
        assertThat(w.admin
                        .get(w.adminPath("/groups/" + staticId))
                        .json()
                        .get("membershipType")
                        .asText())
                .isEqualTo("STATIC");
        assertThat(w.admin
                        .get(w.adminPath("/groups/" + dynamicId))
                        .json()
                        .get("membershipType")
                        .asText())
                .isEqualTo("DYNAMIC");
        // Within one name space names stay unique.
        assertScimError(w.scim.post("/scim/v2/Groups", "{\"displayName\":\"ADMINS\"}"), 409, "uniqueness");
        assertThat(w.admin
                        .post(w.adminPath("/groups"), "{\"name\":\"admins\",\"membershipType\":\"STATIC\"}")
                        .status())
                .isEqualTo(409);
    }

    @Test
    void scimGroupFirstDoesNotBlockAStaticGroupOfTheSameName() {
        String dynamicId = w.group("Admins");
        Api.Reply staticGroup =
                w.admin.post(w.adminPath("/groups"), "{\"name\":\"Admins\",\"membershipType\":\"STATIC\"}");
        assertThat(staticGroup.status()).as(staticGroup.toString()).isEqualTo(201);
        Api.Reply dynamicTwin =
                w.admin.post(w.adminPath("/groups"), "{\"name\":\"admins\",\"membershipType\":\"DYNAMIC\"}");
        assertThat(dynamicTwin.status()).as(dynamicTwin.toString()).isEqualTo(409);
        assertThat(dynamicTwin.json().get("code").asText()).isEqualTo("duplicate-name");
        // Renaming into the other name space's name is fine, into its own is not.
        String staticId = staticGroup.json().get("id").asText();
        Api.Reply second = w.admin.post(w.adminPath("/groups"), "{\"name\":\"Ops\",\"membershipType\":\"STATIC\"}");
        assertThat(w.admin
                        .patch(w.adminPath("/groups/" + second.json().get("id").asText()), "{\"name\":\"ADMINS\"}")
                        .status())
                .isEqualTo(409);
        String otherDynamic = w.group("Other");
        Api.Reply rename = w.scim.patch(
                "/scim/v2/Groups/" + otherDynamic,
                PATCH + "{\"op\":\"replace\"," + "\"path\":\"displayName\",\"value\":\"Admins\"}]}");
        assertScimError(rename, 409, "uniqueness");
        assertThat(w.scim.get("/scim/v2/Groups/" + dynamicId).status()).isEqualTo(200);
        assertThat(w.scim.get("/scim/v2/Groups/" + staticId).status()).isEqualTo(404);
    }

    /** Entra sends app roles as "roles" (primary as a string); they are stored, never a Rollcall role. */
    @Test
    void entraRolesAreStoredAndReturnedButGrantNoRollcallRole() {
        Api.Reply created = w.scim.send(
                "POST",
                "/scim/v2/Users",
                "{\"schemas\":[\"urn:ietf:params:scim:schemas:"
                        + "core:2.0:User\"],\"userName\":\"roles@entra.example\",\"active\":true,\"roles\":[{\"primary\":"
                        + "\"False\",\"type\":\"WindowsAzureActiveDirectoryRole\",\"display\":\"Owner\",\"value\":\"owner\"}],"
                        + "\"entitlements\":[{\"value\":\"all\"}],\"x509Certificates\":[{\"value\":\"TUlJQw==\"}]}",
                SCIM_JSON);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asText();
        JsonNode user = w.scim.get("/scim/v2/Users/" + id).json();
        assertThat(user.at("/roles/0/value").asText()).isEqualTo("owner");
        assertThat(user.at("/roles/0/primary").asBoolean()).isFalse();
        assertThat(user.at("/entitlements/0/value").asText()).isEqualTo("all");

        JsonNode member = w.admin.get(w.adminPath("/members/" + id)).json();
        assertThat(member.get("role").asText()).isNotEqualTo("owner");
        JsonNode permissions =
                w.admin.get(w.adminPath("/members/" + id + "/permissions")).json();
        assertThat(permissions.get("permissions").toString())
                .doesNotContain("scim:manage")
                .doesNotContain("roles:manage");

        Api.Reply patched = w.scim.patch(
                "/scim/v2/Users/" + id,
                PATCH + "{\"op\":\"add\",\"path\":\"roles\"," + "\"value\":[{\"value\":\"auditor\"}]}]}");
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().get("roles")).hasSize(2);
        assertThat(w.admin.get(w.adminPath("/members/" + id)).json().get("role").asText())
                .isEqualTo(member.get("role").asText());
    }

    @Test
    void oktasBareTokenHeaderIsAcceptedAndOtherSchemesAreNot() {
        Api.Reply bare = HeaderApi.send(w, "GET", "/scim/v2/Users", Map.of("Authorization", w.token), null);
        assertThat(bare.status()).as(bare.toString()).isEqualTo(200);
        Api.Reply created = HeaderApi.send(
                w, "POST", "/scim/v2/Users", Map.of("Authorization", w.token), "{\"userName\":\"bare-token\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertScimError(
                HeaderApi.send(
                        w,
                        "GET",
                        "/scim/v2/Users",
                        Map.of(
                                "Authorization",
                                "Basic " + java.util.Base64.getEncoder().encodeToString((w.token + ":").getBytes())),
                        null),
                401,
                null);
        assertScimError(
                HeaderApi.send(w, "GET", "/scim/v2/Users", Map.of("Authorization", w.token + "x"), null), 401, null);
        assertScimError(
                HeaderApi.send(w, "GET", "/scim/v2/Users", Map.of("Authorization", "rcs_not-a-token"), null),
                401,
                null);
    }

    /** "\ud800" as JSON text: a 201 then a '?' on MariaDB before. */
    @Test
    void loneSurrogatesAreRefusedEverywhereAndNothingIsStored() {
        int users = w.scim.get("/scim/v2/Users").json().get("totalResults").asInt();
        assertScimError(w.scim.post("/scim/v2/Users", "{\"userName\":\"lone\\ud800surrogate\"}"), 400, "invalidValue");
        assertScimError(
                w.scim.post("/scim/v2/Users", "{\"userName\":\"ok\",\"name\":{\"givenName\":\"\\udc00\"}}"),
                400,
                "invalidValue");
        assertScimError(w.scim.post("/scim/v2/Groups", "{\"displayName\":\"\\ud83d group\"}"), 400, "invalidValue");
        assertThat(w.scim.get("/scim/v2/Users").json().get("totalResults").asInt())
                .isEqualTo(users);
        assertThat(w.scim.get("/scim/v2/Groups").json().get("totalResults").asInt())
                .isZero();

        String id = w.user("surrogate-target");
        assertScimError(
                w.scim.patch(
                        "/scim/v2/Users/" + id,
                        PATCH + "{\"op\":\"replace\",\"path\":\"userName\"," + "\"value\":\"x\\ud800\"}]}"),
                400,
                "invalidValue");
        assertScimError(
                w.scim.post("/scim/v2/Users/.search", "{\"filter\":\"userName eq \\\"\\ud800\\\"\"}"),
                400,
                "invalidValue");
        assertScimError(w.scim.get("/scim/v2/Users?filter=" + enc("userName eq \"\\ud800\"")), 400, "invalidValue");
        assertThat(w.scim.get("/scim/v2/Users/" + id).json().get("userName").asText())
                .isEqualTo("surrogate-target");
        // A proper pair (an emoji) is fine and round-trips.
        Api.Reply emoji = w.scim.post("/scim/v2/Users", "{\"userName\":\"smile\\ud83d\\ude00\"}");
        assertThat(emoji.status()).as(emoji.toString()).isEqualTo(201);
        assertThat(w.scim.get("/scim/v2/Users/" + emoji.json().get("id").asText())
                        .json()
                        .get("userName")
                        .asText())
                .isEqualTo("smile\uD83D\uDE00");
    }
}
