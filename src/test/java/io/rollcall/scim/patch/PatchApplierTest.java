package io.rollcall.scim.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rollcall.application.scim.ScimProblem;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** RFC 7644 section 3.5.2 examples and the forms Microsoft Entra ID sends, applied to a User's JSON. */
class PatchApplierTest {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PatchApplier APPLIER = new PatchApplier(
            "urn:ietf:params:scim:schemas:core:2.0:User",
            Set.of(ENTERPRISE.toLowerCase(java.util.Locale.ROOT)),
            Set.of("id", "meta", "groups", "schemas"));

    private static ObjectNode user() throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"u1","userName":"bjensen",
                 "name":{"givenName":"Barbara","familyName":"Jensen"},"active":true,
                 "emails":[{"value":"bjensen@example.com","type":"work","primary":true},
                           {"value":"babs@jensen.org","type":"home"}],
                 "meta":{"version":"W/\\"1\\""}}""");
    }

    private static ObjectNode patched(String operations) throws Exception {
        ObjectNode user = user();
        APPLIER.apply(user, ops(operations));
        return user;
    }

    private static List<PatchOperation> ops(String operations) throws Exception {
        return PatchOperation.parseRequest(JSON.readTree(
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":" + operations + "}"));
    }

    private static ScimProblem problem(String operations) {
        try {
            patched(operations);
        } catch (ScimProblem p) {
            return p;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no problem raised");
    }

    @Test
    void addAppendsToMultiValuedAttributes() throws Exception {
        ObjectNode user = patched(
                "[{\"op\":\"add\",\"path\":\"emails\",\"value\":[{\"value\":\"b@x.org\",\"type\":\"other\"}]}]");
        assertThat(user.get("emails")).hasSize(3);
        assertThat(user.at("/emails/2/value").asText()).isEqualTo("b@x.org");
        assertThat(user.at("/emails/0/value").asText()).isEqualTo("bjensen@example.com");
    }

    @Test
    void addWithoutPathMergesAttributes() throws Exception {
        ObjectNode user =
                patched("[{\"op\":\"add\",\"value\":{\"nickName\":\"Babs\",\"emails\":[{\"value\":\"n@x.org\"}]}}]");
        assertThat(user.get("nickName").asText()).isEqualTo("Babs");
        assertThat(user.get("emails")).hasSize(3);
    }

    @Test
    void replaceSubAttributeKeepsSiblings() throws Exception {
        ObjectNode user = patched("[{\"op\":\"replace\",\"path\":\"name.givenName\",\"value\":\"Babs\"}]");
        assertThat(user.at("/name/givenName").asText()).isEqualTo("Babs");
        assertThat(user.at("/name/familyName").asText()).isEqualTo("Jensen");
    }

    @Test
    void replaceFilteredElementSubAttribute() throws Exception {
        ObjectNode user = patched(
                "[{\"op\":\"replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"new@example.com\"}]");
        assertThat(user.at("/emails/0/value").asText()).isEqualTo("new@example.com");
        assertThat(user.at("/emails/1/value").asText()).isEqualTo("babs@jensen.org");
    }

    @Test
    void entraValuePathCreatesTheElementItDescribes() throws Exception {
        ObjectNode user = patched(
                "[{\"op\":\"Add\",\"path\":\"phoneNumbers[type eq \\\"mobile\\\"].value\",\"value\":\"+1 555\"},"
                        + "{\"op\":\"Replace\",\"path\":\"emails[type eq \\\"other\\\"].value\",\"value\":\"o@x.org\"}]");
        assertThat(user.at("/phoneNumbers/0/type").asText()).isEqualTo("mobile");
        assertThat(user.at("/phoneNumbers/0/value").asText()).isEqualTo("+1 555");
        assertThat(user.at("/emails/2/type").asText()).isEqualTo("other");
        assertThat(user.at("/emails/2/value").asText()).isEqualTo("o@x.org");
    }

    @Test
    void capitalisedOpsAndStringBooleansAreAccepted() throws Exception {
        ObjectNode user = patched("[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]");
        // The applier keeps the client's value; UserJson reads "False" as false (see UserJsonTest).
        assertThat(user.get("active").asText()).isEqualTo("False");
    }

    @Test
    void enterprisePathsWithUrnPrefixCreateTheExtension() throws Exception {
        ObjectNode user = patched("[{\"op\":\"replace\",\"path\":\"" + ENTERPRISE + ":department\",\"value\":\"R&D\"},"
                + "{\"op\":\"add\",\"path\":\"" + ENTERPRISE + ":manager.value\",\"value\":\"m1\"}]");
        assertThat(user.get(ENTERPRISE).get("department").asText()).isEqualTo("R&D");
        assertThat(user.get(ENTERPRISE).at("/manager/value").asText()).isEqualTo("m1");
    }

    @Test
    void noPathReplaceTakesPartialObjectsDottedKeysAndExtensions() throws Exception {
        ObjectNode user =
                patched("[{\"op\":\"replace\",\"value\":{\"name\":{\"givenName\":\"B\"},\"name.familyName\":\"J\","
                        + "\"active\":false,\"" + ENTERPRISE + "\":{\"costCenter\":\"42\"}}}]");
        assertThat(user.at("/name/givenName").asText()).isEqualTo("B");
        assertThat(user.at("/name/familyName").asText()).isEqualTo("J");
        assertThat(user.get("active").asBoolean()).isFalse();
        assertThat(user.get(ENTERPRISE).get("costCenter").asText()).isEqualTo("42");
        assertThat(user.get("emails")).hasSize(2);
    }

    @Test
    void replaceWholeMultiValuedAttribute() throws Exception {
        ObjectNode user = patched("[{\"op\":\"replace\",\"path\":\"emails\",\"value\":[{\"value\":\"only@x.org\"}]}]");
        assertThat(user.get("emails")).hasSize(1);
    }

    @Test
    void removeFilteredElementsOnly() throws Exception {
        ObjectNode user = patched("[{\"op\":\"remove\",\"path\":\"emails[type eq \\\"home\\\"]\"}]");
        assertThat(user.get("emails")).hasSize(1);
        assertThat(user.at("/emails/0/type").asText()).isEqualTo("work");
    }

    @Test
    void removeAttributeAndSubAttribute() throws Exception {
        ObjectNode user =
                patched("[{\"op\":\"remove\",\"path\":\"name.givenName\"},{\"op\":\"remove\",\"path\":\"emails\"}]");
        assertThat(user.get("name").has("givenName")).isFalse();
        assertThat(user.at("/name/familyName").asText()).isEqualTo("Jensen");
        assertThat(user.has("emails")).isFalse();
    }

    @Test
    void removeWithValueDropsListedElements() throws Exception {
        ObjectNode user =
                patched("[{\"op\":\"remove\",\"path\":\"emails\",\"value\":[{\"value\":\"babs@jensen.org\"}]}]");
        assertThat(user.get("emails")).hasSize(1);
    }

    @Test
    void attributeNamesAreCaseInsensitive() throws Exception {
        ObjectNode user = patched("[{\"op\":\"replace\",\"path\":\"NAME.GIVENNAME\",\"value\":\"B\"}]");
        assertThat(user.at("/name/givenName").asText()).isEqualTo("B");
        assertThat(user.get("NAME")).isNull();
    }

    @Test
    void nonAsciiValuesInPathFilters() throws Exception {
        ObjectNode user = patched(
                "[{\"op\":\"replace\",\"path\":\"emails[value eq \\\"BABS@JENSEN.ORG\\\"].display\",\"value\":\"Jörg\"}]");
        assertThat(user.at("/emails/1/display").asText()).isEqualTo("Jörg");
    }

    @Test
    void errorsCarryTheRightScimType() {
        assertThat(problem("[{\"op\":\"remove\"}]").scimType()).isEqualTo(ScimProblem.NO_TARGET);
        assertThat(problem(
                                "[{\"op\":\"replace\",\"path\":\"emails[type eq \\\"pager\\\"]\",\"value\":{\"value\":\"x\"}}]")
                        .scimType())
                .isEqualTo(ScimProblem.NO_TARGET);
        assertThat(problem("[{\"op\":\"replace\",\"path\":\"id\",\"value\":\"x\"}]")
                        .scimType())
                .isEqualTo(ScimProblem.MUTABILITY);
        assertThat(problem("[{\"op\":\"add\",\"path\":\"groups\",\"value\":[{\"value\":\"g\"}]}]")
                        .scimType())
                .isEqualTo(ScimProblem.MUTABILITY);
        assertThat(problem("[{\"op\":\"replace\",\"path\":\"urn:example:other:User:x\",\"value\":\"x\"}]")
                        .scimType())
                .isEqualTo(ScimProblem.INVALID_PATH);
        assertThat(problem("[{\"op\":\"replace\",\"path\":\"emails[type eq \\\"work\\\"\",\"value\":\"x\"}]")
                        .scimType())
                .isEqualTo(ScimProblem.INVALID_PATH);
        assertThat(problem("[{\"op\":\"replace\",\"path\":\"a.b.c\",\"value\":\"x\"}]")
                        .scimType())
                .isEqualTo(ScimProblem.INVALID_PATH);
        assertThat(problem("[{\"op\":\"replace\",\"path\":\"active.value\",\"value\":\"x\"}]")
                        .scimType())
                .isEqualTo(ScimProblem.INVALID_PATH);
        assertThat(problem("[{\"op\":\"move\",\"path\":\"title\",\"value\":\"x\"}]")
                        .scimType())
                .isEqualTo(ScimProblem.INVALID_SYNTAX);
        assertThat(problem("[{\"op\":\"add\",\"path\":\"title\"}]").scimType()).isEqualTo(ScimProblem.INVALID_VALUE);
        assertThat(problem("[{\"op\":\"add\",\"value\":\"not an object\"}]").scimType())
                .isEqualTo(ScimProblem.INVALID_VALUE);
        assertThat(problem("[]").scimType()).isEqualTo(ScimProblem.INVALID_SYNTAX);
    }

    @Test
    void requestWithoutPatchOpSchemaIsInvalidSyntax() throws Exception {
        JsonNode body = JSON.readTree("{\"Operations\":[{\"op\":\"add\",\"path\":\"title\",\"value\":\"x\"}]}");
        assertThatThrownBy(() -> PatchOperation.parseRequest(body))
                .isInstanceOfSatisfying(
                        ScimProblem.class, p -> assertThat(p.scimType()).isEqualTo(ScimProblem.INVALID_SYNTAX));
    }

    @Test
    void failedOperationLeavesCallerToDiscardTheDocument() throws Exception {
        // The applier works on a copy the use case throws away on error: nothing half-written reaches storage.
        ObjectNode user = user();
        ObjectNode before = user.deepCopy();
        assertThatThrownBy(() -> APPLIER.apply(
                        user,
                        ops("[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"x\"},"
                                + "{\"op\":\"replace\",\"path\":\"id\",\"value\":\"y\"}]")))
                .isInstanceOf(ScimProblem.class);
        assertThat(before.get("id")).isEqualTo(user.get("id"));
    }

    @Test
    void readOnlyValuesEchoedInPathlessReplaceOrAddChangeNothing() throws Exception {
        ObjectNode user = patched("[{\"op\":\"replace\",\"value\":{\"id\":\"u1\",\"title\":\"Boss\","
                + "\"meta\":{\"version\":\"W/\\\"1\\\"\"}}},{\"op\":\"add\",\"value\":{\"id\":\"u1\"}},"
                + "{\"op\":\"replace\",\"path\":\"id\",\"value\":\"u1\"},"
                + "{\"op\":\"replace\",\"path\":\"meta.version\",\"value\":\"W/\\\"1\\\"\"}]");
        assertThat(user.get("id").asText()).isEqualTo("u1");
        assertThat(user.get("title").asText()).isEqualTo("Boss");
        assertThat(user.at("/meta/version").asText()).isEqualTo("W/\"1\"");
    }

    @Test
    void readOnlyValuesThatDifferOrAreRemovedAreMutabilityErrors() {
        for (String operation : List.of(
                "{\"op\":\"replace\",\"value\":{\"id\":\"u2\",\"title\":\"Boss\"}}",
                "{\"op\":\"replace\",\"value\":{\"meta\":{\"version\":\"W/\\\"9\\\"\"}}}",
                "{\"op\":\"remove\",\"path\":\"id\"}",
                "{\"op\":\"add\",\"value\":{\"groups\":[{\"value\":\"g\"}]}}",
                "{\"op\":\"replace\",\"path\":\"schemas\",\"value\":[\"urn:x\"]}")) {
            assertThat(problem("[" + operation + "]").scimType()).as(operation).isEqualTo(ScimProblem.MUTABILITY);
        }
    }
}
