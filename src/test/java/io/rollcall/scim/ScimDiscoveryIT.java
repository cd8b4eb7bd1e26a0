package io.rollcall.scim;

import static io.rollcall.it.Api.q;
import static io.rollcall.scim.ScimWorkspace.PATCH;
import static io.rollcall.scim.ScimWorkspace.SCIM_JSON;
import static io.rollcall.scim.ScimWorkspace.assertScimError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rollcall.it.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Discovery over HTTP on the real server (H2 and MariaDB), as strict clients read it (RFC 7643 section 7, RFC 7644
 * section 4): whatever the Accept header, one SCIM writer; Schema and ResourceType resources carry their schemas;
 * what is advertised is what is accepted. Issue 8, item 3.
 */
class ScimDiscoveryIT {

    private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";

    private ScimWorkspace w;

    @BeforeEach
    void newWorkspace() {
        w = ScimWorkspace.create();
    }

    private Api.Reply get(String path, String accept) {
        return accept == null ? w.scim.get(path) : HeaderApi.send(w, "GET", path, "Accept", accept, null);
    }

    /** The 500 came with Accept: application/json and, once it happened, kept happening: ask several times. */
    @Test
    void schemasAndResourceTypesAnswerScimJsonWhateverTheAcceptHeader() {
        List<String> accepts = new ArrayList<>(
                List.of("application/json", SCIM_JSON, "*/*", "application/json, application/scim+json"));
        accepts.add(null);
        for (int round = 0; round < 3; round++) {
            for (String accept : accepts) {
                for (String path : List.of(
                        "/scim/v2/Schemas",
                        "/scim/v2/Schemas/" + USER,
                        "/scim/v2/ResourceTypes",
                        "/scim/v2/ResourceTypes/User",
                        "/scim/v2/ServiceProviderConfig")) {
                    Api.Reply reply = get(path, accept);
                    assertThat(reply.status())
                            .as(path + " " + accept + ": " + reply)
                            .isEqualTo(200);
                    assertThat(reply.header("Content-Type"))
                            .as(path + " " + accept)
                            .startsWith(SCIM_JSON);
                    assertThat(reply.json().isObject()).as(reply.toString()).isTrue();
                }
            }
        }
    }

    @Test
    void schemaAndResourceTypeResourcesCarryTheirSchemas() {
        JsonNode schemas = w.scim.get("/scim/v2/Schemas").json();
        assertThat(schemas.get("totalResults").asInt()).isEqualTo(3);
        for (JsonNode schema : schemas.get("Resources")) {
            assertThat(schema.get("schemas").toString())
                    .isEqualTo("[\"urn:ietf:params:scim:schemas:core:2.0:Schema\"]");
            assertThat(schema.at("/meta/location").asText())
                    .endsWith("/scim/v2/Schemas/" + schema.get("id").asText());
        }
        JsonNode types = w.scim.get("/scim/v2/ResourceTypes").json();
        assertThat(types.get("totalResults").asInt()).isEqualTo(2);
        for (JsonNode type : types.get("Resources")) {
            assertThat(type.get("schemas").toString())
                    .isEqualTo("[\"urn:ietf:params:scim:schemas:core:2.0:ResourceType\"]");
        }
        assertThat(w.scim.get("/scim/v2/ResourceTypes/Group")
                        .json()
                        .get("endpoint")
                        .asText())
                .isEqualTo("/Groups");
        assertScimError(w.scim.get("/scim/v2/Schemas/urn:example:nothing"), 404, null);
        assertScimError(w.scim.get("/scim/v2/ResourceTypes/Printer"), 404, null);
    }

    @Test
    void advertisedMutabilityMatchesWhatTheServerDoes() {
        JsonNode user = w.scim.get("/scim/v2/Schemas/" + USER).json();
        assertThat(attribute(user, "groups").get("mutability").asText()).isEqualTo("readOnly");
        assertThat(attribute(user, "id").get("mutability").asText()).isEqualTo("readOnly");
        assertThat(attribute(user, "meta").get("mutability").asText()).isEqualTo("readOnly");
        for (String stored : List.of("roles", "entitlements", "ims", "photos", "x509Certificates")) {
            assertThat(attribute(user, stored).get("mutability").asText())
                    .as(stored)
                    .isEqualTo("readWrite");
        }
        assertThat(attribute(user, "addresses").get("subAttributes").toString()).doesNotContain("\"display\"");

        // What is advertised readWrite is accepted: every one of them in one create.
        Api.Reply created = w.scim.post(
                "/scim/v2/Users",
                "{\"userName\":\"all-of-it\",\"roles\":[{\"value\":\"r\"}],"
                        + "\"entitlements\":[{\"value\":\"e\"}],\"ims\":[{\"value\":\"im\",\"type\":\"xmpp\"}],"
                        + "\"photos\":[{\"value\":\"https://p.example/a.png\",\"type\":\"photo\"}],"
                        + "\"x509Certificates\":[{\"value\":\"TUlJQw==\"}],\"addresses\":[{\"type\":\"work\",\"country\":\"DE\"}]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().at("/ims/0/value").asText()).isEqualTo("im");

        JsonNode group = w.scim.get("/scim/v2/Schemas/" + GROUP).json();
        JsonNode members = attribute(group, "members");
        JsonNode type = sub(members, "type");
        assertThat(type.get("type").asText()).isEqualTo("string");
        assertThat(type.get("canonicalValues").toString()).isEqualTo("[\"User\"]");
        assertThat(sub(members, "$ref").get("referenceTypes").toString()).isEqualTo("[\"User\"]");
    }

    @Test
    void aGroupAsAMemberIsNamedAsANestedGroupWhichIsNotSupported() {
        String inner = w.group("Inner");
        Api.Reply nested = w.scim.post(
                "/scim/v2/Groups",
                "{\"displayName\":\"Outer\",\"members\":[{\"value\":" + q(inner) + ",\"type\":\"Group\"}]}");
        assertScimError(nested, 400, null);
        assertThat(nested.json().get("detail").asText())
                .contains("nested groups are not supported")
                .doesNotContain("does not exist");
        String outer = w.group("Outer");
        Api.Reply patched = w.scim.patch(
                "/scim/v2/Groups/" + outer,
                PATCH + "{\"op\":\"add\"," + "\"path\":\"members\",\"value\":[{\"value\":" + q(inner) + "}]}]}");
        assertScimError(patched, 400, null);
        assertThat(patched.json().get("detail").asText()).contains("nested groups are not supported");
        // An unknown id is still just unknown.
        Api.Reply unknown = w.scim.patch(
                "/scim/v2/Groups/" + outer,
                PATCH + "{\"op\":\"add\","
                        + "\"path\":\"members\",\"value\":[{\"value\":\"00000000-0000-4000-8000-000000000000\"}]}]}");
        assertThat(unknown.json().get("detail").asText()).contains("does not exist");
    }

    @Test
    void meIsNotImplementedAsRfc7644Says() {
        for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE")) {
            Api.Reply reply = HeaderApi.send(
                    w,
                    method,
                    "/scim/v2/Me",
                    Map.of("Authorization", "Bearer " + w.token),
                    method.equals("GET") || method.equals("DELETE") ? null : "{}");
            assertScimError(reply, 501, null);
        }
        assertScimError(w.scim.as(null).get("/scim/v2/Me"), 401, null);
    }

    private static JsonNode attribute(JsonNode schema, String name) {
        for (JsonNode attribute : schema.get("attributes")) {
            if (attribute.get("name").asText().equals(name)) {
                return attribute;
            }
        }
        throw new AssertionError("no attribute " + name + " in " + schema.get("id"));
    }

    private static JsonNode sub(JsonNode attribute, String name) {
        for (JsonNode sub : attribute.get("subAttributes")) {
            if (sub.get("name").asText().equals(name)) {
                return sub;
            }
        }
        throw new AssertionError("no sub-attribute " + name);
    }
}
