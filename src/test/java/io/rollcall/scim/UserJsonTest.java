package io.rollcall.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rollcall.application.scim.MemberDraft;
import io.rollcall.application.scim.ScimProblem;
import io.rollcall.application.scim.ScimUserView;
import io.rollcall.domain.group.MembershipDirectory.Reference;
import io.rollcall.domain.identity.ContactValue;
import io.rollcall.domain.identity.Member;
import io.rollcall.domain.identity.MemberOrigin;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading and rendering SCIM Users: strict on input, exact on output. */
class UserJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private static MemberDraft read(String json) throws Exception {
        return UserJson.fromJson(JSON.readTree(json), null);
    }

    private static String scimType(String json) {
        try {
            read(json);
        } catch (ScimProblem p) {
            return p.scimType();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("accepted: " + json);
    }

    @Test
    void readsEveryWritableAttribute() throws Exception {
        MemberDraft draft = read("{\"userName\":\"bjensen\",\"externalId\":\"e1\",\"name\":{\"givenName\":\"B\","
                + "\"familyName\":\"J\"},\"displayName\":\"Babs\",\"title\":\"T\",\"locale\":\"de-DE\","
                + "\"timezone\":\"Europe/Berlin\",\"active\":\"False\",\"password\":\"secret\","
                + "\"emails\":[{\"value\":\"b@x.org\",\"type\":\"work\",\"primary\":\"True\"}],"
                + "\"phoneNumbers\":[{\"value\":\"+1 555\",\"type\":\"mobile\"}],"
                + "\"" + ENTERPRISE + "\":{\"department\":\"R&D\",\"employeeNumber\":\"7\","
                + "\"manager\":{\"value\":\"m1\",\"displayName\":\"Boss\"}}}");
        assertThat(draft.userName()).isEqualTo("bjensen");
        assertThat(draft.externalId()).isEqualTo("e1");
        assertThat(draft.name().givenName()).isEqualTo("B");
        assertThat(draft.active()).isFalse();
        assertThat(draft.emails()).containsExactly(new ContactValue("b@x.org", "work", null, true));
        assertThat(draft.phoneNumbers()).containsExactly(new ContactValue("+1 555", "mobile", null, false));
        assertThat(draft.enterprise().department()).isEqualTo("R&D");
        assertThat(draft.enterprise().managerValue()).isEqualTo("m1");
        assertThat(draft.enterprise().managerDisplayName()).isEqualTo("Boss");
        assertThat(draft.locale()).isEqualTo("de-DE");
    }

    @Test
    void addressesAreValidatedNormalisedAndRoundTripped() throws Exception {
        MemberDraft draft = read("{\"userName\":\"x\",\"addresses\":[{\"type\":\"work\",\"country\":null,"
                + "\"Locality\":\"Berlin\",\"primary\":\"True\"}]}");
        assertThat(draft.addressesJson()).isEqualTo("[{\"locality\":\"Berlin\",\"type\":\"work\",\"primary\":true}]");
        assertThat(scimType("{\"userName\":\"x\",\"addresses\":[{\"planet\":\"Mars\"}]}"))
                .isEqualTo(ScimProblem.INVALID_VALUE);
        Member member = new Member(
                "00000000-0000-4000-8000-000000000002",
                "ws",
                null,
                "x",
                "viewer",
                MemberOrigin.SCIM,
                Instant.parse("2024-01-01T00:00:00Z"));
        member.setAddressesJson(draft.addressesJson());
        ObjectNode user = UserJson.toJson(new ScimUserView(member, List.of()), "http://h/scim/v2/");
        assertThat(user.at("/addresses/0/locality").asText()).isEqualTo("Berlin");
        assertThat(UserJson.fromJson(user, user).addressesJson()).isEqualTo(draft.addressesJson());
    }

    @Test
    void emptyValuesOfUnstoredAttributesAskForNothing() throws Exception {
        assertThat(read("{\"userName\":\"x\",\"roles\":[],\"entitlements\":null}")
                        .storedValuesJson())
                .isNull();
        assertThat(read("{\"userName\":\"x\",\"shoeSizes\":[],\"hobby\":null}").userName())
                .isEqualTo("x");
        assertThat(scimType("{\"userName\":\"x\",\"shoeSizes\":[{\"value\":\"44\"}]}"))
                .isEqualTo(ScimProblem.INVALID_VALUE);
    }

    @Test
    void activeDefaultsToTrue() throws Exception {
        assertThat(read("{\"userName\":\"x\"}").active()).isTrue();
    }

    @Test
    void refusesUnknownReadOnlyAndMalformedInput() {
        assertThat(scimType("{\"userName\":\"x\",\"favouriteColour\":\"red\"}")).isEqualTo(ScimProblem.INVALID_VALUE);
        assertThat(scimType("{\"userName\":\"x\",\"name\":{\"nick\":\"y\"}}")).isEqualTo(ScimProblem.INVALID_VALUE);
        assertThat(scimType("{\"userName\":\"x\",\"" + ENTERPRISE + "\":{\"role\":\"owner\"}}"))
                .isEqualTo(ScimProblem.INVALID_VALUE);
        assertThat(scimType("{\"userName\":\"x\",\"groups\":[{\"value\":\"g1\"}]}"))
                .isEqualTo(ScimProblem.MUTABILITY);
        assertThat(scimType("{\"name\":{\"givenName\":\"x\"}}")).isEqualTo(ScimProblem.INVALID_VALUE);
        assertThat(scimType("{\"userName\":42}")).isEqualTo(ScimProblem.INVALID_VALUE);
        assertThat(scimType("{\"userName\":\"x\",\"active\":\"maybe\"}")).isEqualTo(ScimProblem.INVALID_VALUE);
        assertThat(scimType("{\"userName\":\"x\",\"emails\":{\"value\":\"a\"}}"))
                .isEqualTo(ScimProblem.INVALID_VALUE);
        assertThat(scimType("{\"userName\":\"x\",\"emails\":[{\"type\":\"work\"}]}"))
                .isEqualTo(ScimProblem.INVALID_VALUE);
        assertThat(scimType("{\"userName\":\"x\",\"emails\":[{\"value\":\"a\",\"primary\":true},"
                        + "{\"value\":\"b\",\"primary\":true}]}"))
                .isEqualTo(ScimProblem.INVALID_VALUE);
        assertThat(scimType("{\"userName\":\"" + "x".repeat(256) + "\"}")).isEqualTo(ScimProblem.INVALID_VALUE);
        assertThatThrownBy(() -> UserJson.fromJson(JSON.readTree("[]"), null)).isInstanceOf(ScimProblem.class);
    }

    @Test
    void readOnlyValuesEchoedUnchangedAreAcceptedAndOthersAreMutabilityErrors() throws Exception {
        ObjectNode current = (ObjectNode) JSON.readTree("{\"id\":\"u1\",\"userName\":\"x\",\"groups\":[{\"value\":"
                + "\"g1\",\"display\":\"G\",\"type\":\"direct\"}],\"meta\":{\"resourceType\":\"User\","
                + "\"created\":\"2024-05-06T07:08:09.123Z\",\"version\":\"W/\\\"3\\\"\"}}");
        assertThat(UserJson.fromJson(
                                JSON.readTree("{\"id\":\"u1\",\"userName\":\"y\",\"groups\":[{\"value\":"
                                        + "\"g1\"}],\"meta\":{\"created\":\"2024-05-06T09:08:09.123+02:00\"}}"),
                                current)
                        .userName())
                .isEqualTo("y");
        for (String changed : List.of(
                "{\"id\":\"u2\"}",
                "{\"groups\":[{\"value\":\"g2\"}]}",
                "{\"groups\":[{\"value\":\"g1\"},{\"value\":\"g2\"}]}",
                "{\"groups\":{\"value\":\"g1\"}}")) {
            ObjectNode document = (ObjectNode) JSON.readTree(changed);
            document.put("userName", "x");
            assertThatThrownBy(() -> UserJson.fromJson(document, current))
                    .as(changed)
                    .isInstanceOfSatisfying(
                            ScimProblem.class, p -> assertThat(p.scimType()).isEqualTo(ScimProblem.MUTABILITY));
        }
        // A group renamed since the client's GET: its display is stale, the membership the same.
        assertThat(UserJson.fromJson(
                                JSON.readTree("{\"userName\":\"x\",\"groups\":[{\"value\":\"g1\","
                                        + "\"display\":\"Old name\",\"$ref\":\"https://proxy.example/Groups/g1\"}]}"),
                                current)
                        .userName())
                .isEqualTo("x");
        // A PUT replaying a stale meta (RFC 7644 section 3.5.1: ignored), as Microsoft's reference client does.
        assertThat(UserJson.fromJson(
                                JSON.readTree("{\"id\":\"u1\",\"userName\":\"x\",\"meta\":{\"created\":"
                                        + "\"2019-09-18T18:15:26.5788954+00:00\",\"resourceType\":\"User\"}}"),
                                current)
                        .userName())
                .isEqualTo("x");
        // On create the server assigns id and meta (RFC 7644 section 3.3): sent values are ignored.
        assertThat(read("{\"id\":\"mine\",\"meta\":{\"version\":\"x\"},\"userName\":\"z\",\"groups\":[]}")
                        .userName())
                .isEqualTo("z");
    }

    @Test
    void storesRolesAndOtherMultiValuedAttributesAsSentWithoutInterpretingThem() throws Exception {
        // Entra's form: primary as the string "False".
        MemberDraft draft = read("{\"userName\":\"x\",\"roles\":[{\"primary\":\"False\",\"type\":"
                + "\"WindowsAzureActiveDirectoryRole\",\"display\":\"Owner\",\"value\":\"owner\"}],"
                + "\"entitlements\":[{\"value\":\"e1\"}],\"ims\":[{\"value\":\"x@jabber\",\"type\":\"xmpp\"}],"
                + "\"photos\":[{\"value\":\"https://p.example/x.jpg\",\"type\":\"photo\",\"primary\":true}],"
                + "\"x509Certificates\":[{\"value\":\"MIIDQzCCAqygAwIBAgICEAAwDQYJKoZIhvcNAQEFBQAw\"}]}");
        ObjectNode stored = (ObjectNode) JSON.readTree(draft.storedValuesJson());
        assertThat(stored.at("/roles/0/value").asText()).isEqualTo("owner");
        assertThat(stored.at("/roles/0/primary").asBoolean()).isFalse();
        assertThat(stored.at("/photos/0/primary").asBoolean()).isTrue();
        assertThat(stored.fieldNames())
                .toIterable()
                .containsExactly("roles", "entitlements", "ims", "photos", "x509Certificates");
        assertThat(read("{\"userName\":\"x\"}").storedValuesJson()).isNull();
        assertThat(scimType("{\"userName\":\"x\",\"roles\":[{\"display\":\"no value\"}]}"))
                .isEqualTo(ScimProblem.INVALID_VALUE);
        assertThat(scimType("{\"userName\":\"x\",\"roles\":\"owner\"}")).isEqualTo(ScimProblem.INVALID_VALUE);
        assertThat(scimType("{\"userName\":\"x\",\"roles\":[{\"value\":\"a\",\"level\":9}]}"))
                .isEqualTo(ScimProblem.INVALID_VALUE);
    }

    @Test
    void rendersMetaWithOffsetLocationAndVersion() throws Exception {
        Member member = new Member(
                "00000000-0000-4000-8000-000000000001",
                "ws",
                null,
                "bjensen",
                "viewer",
                MemberOrigin.SCIM,
                Instant.parse("2024-05-06T07:08:09.123456Z"));
        member.setDepartment("R&D");
        ObjectNode user = UserJson.toJson(
                new ScimUserView(member, List.of(new Reference("g1", "Eng"))), "https://rc.example/scim/v2/");
        assertThat(user.at("/meta/created").asText()).isEqualTo("2024-05-06T07:08:09.123Z");
        assertThat(user.at("/meta/location").asText())
                .isEqualTo("https://rc.example/scim/v2/Users/00000000-0000-4000-8000-000000000001");
        assertThat(user.at("/meta/version").asText()).isEqualTo("W/\"0\"");
        assertThat(user.at("/groups/0/value").asText()).isEqualTo("g1");
        assertThat(user.get(ENTERPRISE).get("department").asText()).isEqualTo("R&D");
        assertThat(user.get("schemas").toString()).contains(ENTERPRISE);
        // What we render reads back to the same draft: a GET-modify-PUT round trip changes nothing.
        assertThat(UserJson.fromJson(user, user)).isEqualTo(MemberDraft.of(member));
    }
}
