package io.rollcall.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rollcall.application.scim.ScimGroupView;
import io.rollcall.application.scim.ScimProblem;
import io.rollcall.application.scim.ScimSchemaUrns;
import io.rollcall.application.scim.ScimUserView;
import io.rollcall.domain.group.Group;
import io.rollcall.domain.group.GroupOrigin;
import io.rollcall.domain.group.MembershipDirectory.Reference;
import io.rollcall.domain.group.MembershipType;
import io.rollcall.domain.identity.Member;
import io.rollcall.domain.identity.MemberOrigin;
import io.rollcall.scim.patch.PatchOperation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Discovery tells the truth (RFC 7643 section 7): every attribute of every schema Rollcall publishes is written
 * through the same readers the server uses, and what happens must be what its {@code mutability} says. readWrite:
 * accepted and stored; writeOnly: accepted, never stored; readOnly: its current value accepted, any other a 400
 * {@code mutability} in a PATCH (a PUT ignores a replayed {@code meta}, RFC 7644 section 3.5.1), and below a
 * writable attribute accepted and ignored; immutable: accepted.
 */
class PublishedSchemasTest {

    private static final String BASE = "https://rc.example/scim/v2/";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private static ObjectNode schema(String urn) {
        return PublishedSchemas.schema(urn, BASE).orElseThrow();
    }

    private static List<JsonNode> attributes(JsonNode owner) {
        List<JsonNode> list = new ArrayList<>();
        owner.path(owner.has("attributes") ? "attributes" : "subAttributes").forEach(list::add);
        return list;
    }

    @Test
    void everySchemaAndResourceTypeIsAResourceWithItsSchemaAndLocation() {
        List<ObjectNode> schemas = PublishedSchemas.schemas(BASE);
        assertThat(schemas)
                .extracting(s -> s.get("id").asText())
                .containsExactly(ScimSchemaUrns.USER, ScimSchemaUrns.ENTERPRISE_USER, ScimSchemaUrns.GROUP);
        for (ObjectNode s : schemas) {
            assertThat(s.get("schemas").toString()).isEqualTo("[\"" + PublishedSchemas.SCHEMA_SCHEMA + "\"]");
            assertThat(s.at("/meta/location").asText())
                    .isEqualTo(BASE + "Schemas/" + s.get("id").asText());
            assertThat(s.at("/meta/resourceType").asText()).isEqualTo("Schema");
        }
        for (ObjectNode t : PublishedSchemas.resourceTypes(BASE)) {
            assertThat(t.get("schemas").toString()).isEqualTo("[\"" + PublishedSchemas.RESOURCE_TYPE_SCHEMA + "\"]");
            assertThat(PublishedSchemas.schema(t.get("schema").asText(), BASE)).isPresent();
        }
        assertThat(PublishedSchemas.schema("urn:nope", BASE)).isEmpty();
    }

    /** The reverse direction: nothing is accepted that is not published, and nothing published is refused. */
    @Test
    void publishedTopLevelAttributesAreExactlyTheOnesTheReadersAccept() {
        Set<String> user = new HashSet<>(Set.of("schemas", UserJson.ENTERPRISE_KEY));
        attributes(schema(ScimSchemaUrns.USER))
                .forEach(a -> user.add(a.get("name").asText().toLowerCase(Locale.ROOT)));
        assertThat(user).isEqualTo(UserJson.TOP_LEVEL);
        Set<String> group = new HashSet<>(Set.of("schemas"));
        attributes(schema(ScimSchemaUrns.GROUP))
                .forEach(a -> group.add(a.get("name").asText().toLowerCase(Locale.ROOT)));
        assertThat(group).isEqualTo(GroupJson.TOP_LEVEL);
    }

    @Test
    void everyUserAttributeBehavesAsItsMutabilitySays() {
        ObjectNode current = UserJson.toJson(new ScimUserView(member(), List.of(new Reference("g1", "Eng"))), BASE);
        int checked = 0;
        for (String urn : List.of(ScimSchemaUrns.USER, ScimSchemaUrns.ENTERPRISE_USER)) {
            boolean extension = urn.equals(ScimSchemaUrns.ENTERPRISE_USER);
            for (JsonNode attribute : attributes(schema(urn))) {
                String name = attribute.get("name").asText();
                String mutability = attribute.get("mutability").asText();
                checkUserAttribute(current, extension, name, mutability, attribute);
                checked++;
                if (attribute.has("subAttributes") && !"readOnly".equals(mutability)) {
                    for (JsonNode sub : attributes(attribute)) {
                        checkUserSubAttribute(extension, attribute, sub);
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(60);
    }

    private static void checkUserAttribute(
            ObjectNode current, boolean extension, String name, String mutability, JsonNode attribute) {
        String what = name + " (" + mutability + ")";
        switch (mutability) {
            case "readWrite" ->
                assertThat(UserJson.fromJson(user(extension, name, sample(attribute)), null))
                        .as(what + " is stored")
                        .isNotEqualTo(UserJson.fromJson(baseUser(), null));
            case "writeOnly" ->
                assertThat(UserJson.fromJson(user(extension, name, sample(attribute)), null))
                        .as(what + " is accepted and not kept")
                        .isEqualTo(UserJson.fromJson(baseUser(), null));
            case "readOnly" -> {
                ObjectNode echo = current.deepCopy();
                echo.put("userName", "renamed");
                assertThat(UserJson.fromJson(echo, current).userName())
                        .as(what + " echoed")
                        .isEqualTo("renamed");
                JsonNode other = different(current.get(name), attribute);
                assertThatThrownBy(() -> UsersResource.PATCHER.apply(current.deepCopy(), replace(name, other)))
                        .as(what + " changed by PATCH")
                        .isInstanceOfSatisfying(
                                ScimProblem.class, p -> assertThat(p.scimType()).isEqualTo(ScimProblem.MUTABILITY));
                ObjectNode changed = current.deepCopy();
                changed.set(name, other);
                if (UserJson.READ_ONLY_IN_PUT.contains(name.toLowerCase(Locale.ROOT))) {
                    assertThatThrownBy(() -> UserJson.fromJson(changed, current))
                            .as(what + " changed by PUT")
                            .isInstanceOfSatisfying(ScimProblem.class, p -> assertThat(p.scimType())
                                    .isEqualTo(ScimProblem.MUTABILITY));
                } else {
                    assertThat(UserJson.fromJson(changed, current))
                            .as(what + " replayed by PUT is ignored")
                            .isEqualTo(UserJson.fromJson(current, current));
                }
            }
            default -> throw new AssertionError("unexpected mutability of " + what);
        }
    }

    private static void checkUserSubAttribute(boolean extension, JsonNode attribute, JsonNode sub) {
        String name = attribute.get("name").asText();
        String subName = sub.get("name").asText();
        boolean multi = attribute.get("multiValued").asBoolean();
        boolean hasValue = attributes(attribute).stream()
                .anyMatch(a -> a.get("name").asText().equals("value"));
        ObjectNode with = JSON.objectNode();
        ObjectNode without = JSON.objectNode();
        if (hasValue && !subName.equals("value")) {
            with.put("value", "v");
            without.put("value", "v");
        }
        with.set(subName, sample(sub));
        JsonNode withValue = multi ? JSON.arrayNode().add(with) : with;
        ObjectNode withDocument = user(extension, name, withValue);
        ObjectNode withoutDocument = without.isEmpty()
                ? baseUser()
                : user(extension, name, multi ? JSON.arrayNode().add(without) : without);
        String what = name + "." + subName + " (" + sub.get("mutability").asText() + ")";
        switch (sub.get("mutability").asText()) {
            case "readWrite" ->
                assertThat(UserJson.fromJson(withDocument, null))
                        .as(what + " is stored")
                        .isNotEqualTo(UserJson.fromJson(withoutDocument, null));
            case "readOnly" ->
                assertThat(UserJson.fromJson(withDocument, null))
                        .as(what + " is ignored")
                        .isEqualTo(UserJson.fromJson(withoutDocument, null));
            default -> throw new AssertionError("unexpected mutability of " + what);
        }
    }

    @Test
    void everyGroupAttributeBehavesAsItsMutabilitySays() {
        Group g = new Group(
                "00000000-0000-4000-8000-0000000000aa",
                "ws",
                "Eng",
                null,
                MembershipType.DYNAMIC,
                null,
                GroupOrigin.SCIM,
                Instant.parse("2024-05-06T07:08:09Z"));
        ObjectNode current = GroupJson.toJson(new ScimGroupView(g, null), BASE);
        for (JsonNode attribute : attributes(schema(ScimSchemaUrns.GROUP))) {
            String name = attribute.get("name").asText();
            String what = name + " (" + attribute.get("mutability").asText() + ")";
            ObjectNode document = JSON.objectNode().put("displayName", "Base");
            switch (attribute.get("mutability").asText()) {
                case "readWrite" -> {
                    if (name.equals("members")) {
                        for (JsonNode sub : attributes(attribute)) {
                            ObjectNode element = JSON.objectNode().put("value", "m1");
                            element.set(
                                    sub.get("name").asText(),
                                    sub.get("name").asText().equals("value") ? JSON.textNode("m1") : sample(sub));
                            assertThat(GroupJson.memberIds(JSON.arrayNode().add(element)))
                                    .as(what + "." + sub.get("name").asText() + " is accepted")
                                    .containsExactly("m1");
                        }
                    } else {
                        document.set(name, sample(attribute));
                        assertThat(GroupJson.draft(document, null))
                                .as(what + " is stored")
                                .isNotEqualTo(GroupJson.draft(JSON.objectNode().put("displayName", "Base"), null));
                    }
                }
                case "readOnly" -> {
                    ObjectNode echo = current.deepCopy();
                    echo.put("displayName", "New name");
                    assertThat(GroupJson.draft(echo, current).displayName())
                            .as(what)
                            .isEqualTo("New name");
                    JsonNode other = different(current.get(name), attribute);
                    assertThatThrownBy(
                                    () -> GroupPatchPlan.GROUP_PATCHER.apply(current.deepCopy(), replace(name, other)))
                            .as(what + " changed by PATCH")
                            .isInstanceOfSatisfying(ScimProblem.class, p -> assertThat(p.scimType())
                                    .isEqualTo(ScimProblem.MUTABILITY));
                    ObjectNode changed = current.deepCopy();
                    changed.set(name, other);
                    if (GroupJson.READ_ONLY_IN_PUT.contains(name.toLowerCase(Locale.ROOT))) {
                        assertThatThrownBy(() -> GroupJson.draft(changed, current))
                                .as(what + " changed by PUT")
                                .isInstanceOfSatisfying(ScimProblem.class, p -> assertThat(p.scimType())
                                        .isEqualTo(ScimProblem.MUTABILITY));
                    } else {
                        assertThat(GroupJson.draft(changed, current))
                                .as(what + " replayed by PUT is ignored")
                                .isEqualTo(GroupJson.draft(current, current));
                    }
                }
                default -> throw new AssertionError("unexpected mutability of " + what);
            }
        }
    }

    @Test
    void groupMembersAreUsersOnlyAndTheirTypeIsAString() {
        JsonNode members = attributes(schema(ScimSchemaUrns.GROUP)).stream()
                .filter(a -> a.get("name").asText().equals("members"))
                .findFirst()
                .orElseThrow();
        JsonNode type = attributes(members).stream()
                .filter(a -> a.get("name").asText().equals("type"))
                .findFirst()
                .orElseThrow();
        assertThat(type.get("type").asText()).isEqualTo("string");
        assertThat(type.get("canonicalValues").toString()).isEqualTo("[\"User\"]");
        JsonNode ref = attributes(members).stream()
                .filter(a -> a.get("name").asText().equals("$ref"))
                .findFirst()
                .orElseThrow();
        assertThat(ref.get("referenceTypes").toString()).isEqualTo("[\"User\"]");
    }

    /** A path-less replace, the form Okta and Entra use to send several attributes at once. */
    private static List<PatchOperation> replace(String name, JsonNode value) {
        ObjectNode object = JSON.objectNode();
        object.set(name, value);
        return List.of(new PatchOperation(PatchOperation.Op.REPLACE, null, object));
    }

    private static Member member() {
        return new Member(
                "00000000-0000-4000-8000-000000000001",
                "ws",
                null,
                "bjensen",
                "viewer",
                MemberOrigin.SCIM,
                Instant.parse("2024-05-06T07:08:09Z"));
    }

    private static ObjectNode baseUser() {
        return JSON.objectNode().put("userName", "base");
    }

    private static ObjectNode user(boolean extension, String name, JsonNode value) {
        ObjectNode user = baseUser();
        if (extension) {
            user.putObject(ScimSchemaUrns.ENTERPRISE_USER).set(name, value);
        } else {
            user.set(name, value);
        }
        return user;
    }

    /** A value of the attribute's type that differs from every default. */
    private static JsonNode sample(JsonNode attribute) {
        String name = attribute.get("name").asText();
        JsonNode value =
                switch (attribute.get("type").asText()) {
                    case "boolean" -> JSON.booleanNode(!name.equals("active"));
                    case "reference" -> JSON.textNode("https://ref.example/" + name);
                    case "binary" -> JSON.textNode("TUlJQ2RqQ0NBZCtnQXdJQkFnSUJBREFO");
                    case "dateTime" -> JSON.textNode("2024-01-02T03:04:05Z");
                    case "complex" -> {
                        ObjectNode object = JSON.objectNode();
                        for (JsonNode sub : attributes(attribute)) {
                            if ("readWrite".equals(sub.get("mutability").asText())) {
                                object.set(sub.get("name").asText(), sample(sub));
                            }
                        }
                        yield object;
                    }
                    default ->
                        JSON.textNode(
                                attribute.has("canonicalValues")
                                                && !attribute
                                                        .get("canonicalValues")
                                                        .isEmpty()
                                        ? attribute
                                                .get("canonicalValues")
                                                .get(0)
                                                .asText()
                                        : "sample-" + name);
                };
        return attribute.get("multiValued").asBoolean() && !value.isArray()
                ? JSON.arrayNode().add(value)
                : value;
    }

    /** Another value of the same shape as {@code current}. */
    private static JsonNode different(JsonNode current, JsonNode attribute) {
        if (current == null || current.isNull()) {
            return sample(attribute);
        }
        if (current.isTextual()) {
            return JSON.textNode(current.asText() + "-changed");
        }
        if (current.isArray()) {
            ArrayNode changed = current.deepCopy();
            changed.add(JSON.objectNode().put("value", "another"));
            return changed;
        }
        ObjectNode changed = current.deepCopy();
        String first = changed.fieldNames().next();
        changed.put(first, changed.get(first).asText() + "-changed");
        return changed;
    }
}
