package io.rollcall.infrastructure.persistence.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rollcall.application.scim.ScimProblem;
import io.rollcall.application.scim.SearchSpec;
import io.rollcall.domain.group.Group;
import io.rollcall.domain.group.GroupMembership;
import io.rollcall.domain.group.GroupOrigin;
import io.rollcall.domain.group.MembershipSource;
import io.rollcall.domain.group.MembershipType;
import io.rollcall.domain.identity.ContactValue;
import io.rollcall.domain.identity.Member;
import io.rollcall.domain.identity.MemberOrigin;
import io.rollcall.domain.shared.Page;
import io.rollcall.scim.filter.ScimFilterParser;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.apache.directory.scim.spec.filter.attribute.AttributeReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Filters run as real SQL: the production mappings and migrations on H2, through the same {@link JpaScimDirectory} the
 * server uses. The data set is read-only for the whole class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FilterTranslatorTest {

    private static final String ALICE = "00000000-0000-4000-8000-00000000000a";
    private static final String BOB = "00000000-0000-4000-8000-00000000000b";
    private static final String JORG = "00000000-0000-4000-8000-00000000000c";
    private static final String CAROL = "00000000-0000-4000-8000-00000000000d";
    private static final String DYNAMIC_GROUP = "00000000-0000-4000-8000-0000000000d1";
    private static final String STATIC_GROUP = "00000000-0000-4000-8000-0000000000e1";

    private TestDatabase db;
    private EntityManager em;

    @BeforeAll
    void seed() throws Exception {
        db = new TestDatabase();
        db.workspace("ws1");
        db.workspace("ws2");
        em = db.entityManager();
        em.getTransaction().begin();
        Member alice = member(ALICE, "ws1", "alice@x.com", "2024-01-01T00:00:00Z");
        alice.setGivenName("Alice");
        alice.setFamilyName("Smith");
        alice.setTitle("Engineer");
        alice.setExternalId("ext-a");
        alice.setDepartment("R&D");
        alice.setEmployeeNumber("100");
        alice.replaceEmails(List.of(
                new ContactValue("alice@x.com", "work", null, true),
                new ContactValue("alice@home.org", "home", null, false)));
        Member bob = member(BOB, "ws1", "Bob@Y.com", "2024-06-01T00:00:00Z");
        bob.setGivenName("Bob");
        bob.setActive(false);
        bob.setDepartment("Ops");
        bob.replaceEmails(List.of(new ContactValue("bob@y.com", "work", null, true)));
        Member jorg = member(JORG, "ws1", "jörg@x.com", "2025-01-01T00:00:00Z");
        jorg.setGivenName("Jörg");
        jorg.setTitle("Manager");
        jorg.setManagerValue(ALICE);
        jorg.replacePhoneNumbers(List.of(new ContactValue("+1 555 0100", "work", null, true)));
        Member carol = member(CAROL, "ws2", "carol@x.com", "2024-01-01T00:00:00Z");
        for (Member m : List.of(alice, bob, jorg, carol)) {
            em.persist(m);
        }
        em.persist(new Group(
                DYNAMIC_GROUP,
                "ws1",
                "Engineering",
                null,
                MembershipType.DYNAMIC,
                null,
                GroupOrigin.SCIM,
                TestDatabase.at("2024-02-01T00:00:00Z")));
        em.persist(new Group(
                STATIC_GROUP,
                "ws1",
                "Static",
                null,
                MembershipType.STATIC,
                null,
                GroupOrigin.ADMIN,
                TestDatabase.at("2024-02-01T00:00:00Z")));
        em.flush();
        em.persist(new GroupMembership(
                DYNAMIC_GROUP, ALICE, MembershipSource.SCIM, TestDatabase.at("2024-02-01T00:00:00Z")));
        em.persist(new GroupMembership(
                STATIC_GROUP, BOB, MembershipSource.MANUAL, TestDatabase.at("2024-02-01T00:00:00Z")));
        em.getTransaction().commit();
        em.clear();
    }

    @AfterAll
    void close() throws Exception {
        em.close();
        db.close();
    }

    private static Member member(String id, String ws, String userName, String created) {
        return new Member(id, ws, null, userName, "viewer", MemberOrigin.SCIM, TestDatabase.at(created));
    }

    private List<String> users(String filter) {
        return page(filter, null, false, 0, 100).items().stream()
                .map(Member::userName)
                .toList();
    }

    private Page<Member> page(String filter, String sortBy, boolean descending, int offset, int limit) {
        SearchSpec spec = new SearchSpec(
                filter == null ? null : ScimFilterParser.parse(filter),
                sortBy == null ? null : new AttributeReference(sortBy),
                descending,
                offset,
                limit);
        return new JpaScimDirectory(em).users("ws1", spec);
    }

    @Test
    void eqIgnoresCaseOfUserNameIncludingNonAscii() {
        assertThat(users("userName eq \"ALICE@x.com\"")).containsExactly("alice@x.com");
        assertThat(users("userName eq \"JÖRG@X.COM\"")).containsExactly("jörg@x.com");
        assertThat(users("userName eq \"j\\u00f6rg@x.com\"")).containsExactly("jörg@x.com");
    }

    @Test
    void caseExactAttributesCompareExactly() {
        assertThat(users("externalId eq \"ext-a\"")).containsExactly("alice@x.com");
        assertThat(users("externalId eq \"EXT-A\"")).isEmpty();
        assertThat(users("id eq \"" + BOB + "\"")).containsExactly("Bob@Y.com");
    }

    @Test
    void neMatchesAbsentValuesToo() {
        assertThat(users("title ne \"Engineer\"")).containsExactlyInAnyOrder("Bob@Y.com", "jörg@x.com");
    }

    @Test
    void substringOperatorsMatchLiterallyAndIgnoreCase() {
        assertThat(users("name.givenName co \"LI\"")).containsExactly("alice@x.com");
        assertThat(users("userName sw \"bo\"")).containsExactly("Bob@Y.com");
        assertThat(users("userName ew \"@X.com\"")).containsExactlyInAnyOrder("alice@x.com", "jörg@x.com");
        // LIKE wildcards in values are literal characters, not patterns.
        assertThat(users("userName co \"%\"")).isEmpty();
        assertThat(users("userName co \"_\"")).isEmpty();
    }

    @Test
    void orderingOperatorsCompareStrings() {
        assertThat(users("userName gt \"b\"")).containsExactlyInAnyOrder("Bob@Y.com", "jörg@x.com");
        assertThat(users("userName ge \"bob@y.com\"")).containsExactlyInAnyOrder("Bob@Y.com", "jörg@x.com");
        assertThat(users("userName lt \"bob@y.com\"")).containsExactly("alice@x.com");
        assertThat(users("userName le \"bob@y.com\"")).containsExactlyInAnyOrder("alice@x.com", "Bob@Y.com");
    }

    @Test
    void presentMatchesSetValuesAndMultiValuedRows() {
        assertThat(users("title pr")).containsExactlyInAnyOrder("alice@x.com", "jörg@x.com");
        assertThat(users("phoneNumbers pr")).containsExactly("jörg@x.com");
        assertThat(users("emails.type pr")).containsExactlyInAnyOrder("alice@x.com", "Bob@Y.com");
    }

    @Test
    void booleansCompareWithEqAndNe() {
        assertThat(users("active eq true")).containsExactlyInAnyOrder("alice@x.com", "jörg@x.com");
        assertThat(users("active ne true")).containsExactly("Bob@Y.com");
    }

    @Test
    void andBindsTighterThanOr() {
        // bob OR (alice AND title Manager) = bob; left-to-right would give nobody.
        assertThat(users("active eq false or userName sw \"a\" and title eq \"Manager\""))
                .containsExactly("Bob@Y.com");
        assertThat(users("(userName sw \"a\" or userName sw \"b\") and active eq true"))
                .containsExactly("alice@x.com");
    }

    @Test
    void notIsTwoValuedOverAbsentValues() {
        assertThat(users("not (title eq \"Engineer\")")).containsExactlyInAnyOrder("Bob@Y.com", "jörg@x.com");
        assertThat(users("not (title pr)")).containsExactly("Bob@Y.com");
    }

    @Test
    void valuePathsMatchWithinOneElement() {
        assertThat(users("emails[type eq \"work\" and value co \"@x\"]")).containsExactly("alice@x.com");
        // Both conditions hold for alice, but on different emails: no match.
        assertThat(users("emails[type eq \"home\" and value co \"@x\"]")).isEmpty();
        assertThat(users("emails[not (type eq \"work\")]")).containsExactly("alice@x.com");
    }

    @Test
    void subAttributesOfMultiValuedAttributes() {
        assertThat(users("emails.value ew \".org\"")).containsExactly("alice@x.com");
        assertThat(users("emails co \"bob\"")).containsExactly("Bob@Y.com");
        assertThat(users("emails.primary eq true and emails.value sw \"bob\"")).containsExactly("Bob@Y.com");
    }

    @Test
    void enterpriseAttributesByFullUrn() {
        String urn = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:";
        assertThat(users(urn + "department eq \"r&d\"")).containsExactly("alice@x.com");
        assertThat(users(urn + "manager.value eq \"" + ALICE + "\"")).containsExactly("jörg@x.com");
        assertThat(users(urn + "employeeNumber pr")).containsExactly("alice@x.com");
        assertThat(users("urn:ietf:params:scim:schemas:core:2.0:User:userName sw \"ALI\""))
                .containsExactly("alice@x.com");
    }

    @Test
    void metaTimesCompareAsInstantsWithOffsets() {
        assertThat(users("meta.created ge \"2024-06-01T00:00:00Z\""))
                .containsExactlyInAnyOrder("Bob@Y.com", "jörg@x.com");
        assertThat(users("meta.created lt \"2024-06-01T02:00:00+02:00\"")).containsExactly("alice@x.com");
        assertThat(users("meta.lastModified gt \"2024-12-31T23:59:59.999Z\"")).containsExactly("jörg@x.com");
        assertThat(users("meta.created eq \"2024-01-01T00:00:00Z\"")).containsExactly("alice@x.com");
    }

    @Test
    void groupsShowOnlyDynamicGroups() {
        assertThat(users("groups.value eq \"" + DYNAMIC_GROUP + "\"")).containsExactly("alice@x.com");
        assertThat(users("groups.value eq \"" + STATIC_GROUP + "\"")).isEmpty();
        assertThat(users("groups pr")).containsExactly("alice@x.com");
    }

    @Test
    void otherWorkspacesAreNeverVisible() {
        assertThat(users("userName sw \"carol\"")).isEmpty();
        assertThat(users(null)).hasSize(3);
    }

    @Test
    void groupFiltersOnNamesAndMembers() {
        List<String> found = new JpaScimDirectory(em)
                        .dynamicGroups(
                                "ws1",
                                new SearchSpec(
                                        ScimFilterParser.parse("displayName eq \"ENGINEERING\" and members.value eq \""
                                                + ALICE + "\""),
                                        null,
                                        false,
                                        0,
                                        10))
                        .items()
                        .stream()
                        .map(Group::displayName)
                        .toList();
        assertThat(found).containsExactly("Engineering");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "nosuch eq \"x\"",
                "userName eq",
                "(userName pr",
                "userName pr)",
                "emails[type eq \"work\"].value eq \"x\"",
                "urn:example:ext:1.0:User:department eq \"x\"",
                "active gt true",
                "active eq \"yes\"",
                "userName eq 1",
                "meta.created gt \"yesterday\"",
                "meta.created co \"2024\"",
                "emails[type eq \"work\"",
                "emails[nosuch eq \"x\"]",
                "name[givenName eq \"x\"]",
                "userName eq \"unterminated",
                "userName eq \"x\" junk",
                "jörg eq \"x\""
            })
    void malformedOrUnknownFiltersAreInvalidFilter(String filter) {
        assertThatThrownBy(() -> users(filter)).isInstanceOfSatisfying(ScimProblem.class, p -> {
            assertThat(p.status()).isEqualTo(400);
            assertThat(p.scimType()).isEqualTo(ScimProblem.INVALID_FILTER);
        });
    }

    @Test
    void sortsInTheQueryWithIdAsTieBreak() {
        assertThat(page(null, "userName", false, 0, 10).items())
                .extracting(Member::userName)
                .containsExactly("alice@x.com", "Bob@Y.com", "jörg@x.com");
        assertThat(page(null, "userName", true, 0, 10).items())
                .extracting(Member::userName)
                .containsExactly("jörg@x.com", "Bob@Y.com", "alice@x.com");
        // alice and jörg tie on active=true: id decides, every time.
        assertThat(page(null, "active", true, 0, 10).items())
                .extracting(Member::id)
                .containsExactly(ALICE, JORG, BOB);
        assertThat(page(null, "meta.created", true, 0, 10).items())
                .extracting(Member::id)
                .containsExactly(JORG, BOB, ALICE);
    }

    @Test
    void pagesAreDisjointAndTotalIsExact() {
        Page<Member> first = page("userName pr", "userName", false, 0, 2);
        Page<Member> second = page("userName pr", "userName", false, 2, 2);
        assertThat(first.total()).isEqualTo(3);
        assertThat(second.total()).isEqualTo(3);
        assertThat(first.items()).extracting(Member::userName).containsExactly("alice@x.com", "Bob@Y.com");
        assertThat(second.items()).extracting(Member::userName).containsExactly("jörg@x.com");
        Page<Member> countOnly = page("active eq true", null, false, 0, 0);
        assertThat(countOnly.total()).isEqualTo(2);
        assertThat(countOnly.items()).isEmpty();
        assertThat(page(null, null, false, 10, 5).items()).isEmpty();
        assertThat(page(null, null, false, 10, 5).total()).isEqualTo(3);
    }

    @Test
    void totalsStayExactWhenThePageShowsTheEndAndTheCountIsSkipped() {
        assertThat(page("userName pr", "userName", false, 0, 3).total()).isEqualTo(3);
        assertThat(page("userName pr", "userName", false, 0, 5).total()).isEqualTo(3);
        assertThat(page("userName pr", "userName", false, 1, 5).total()).isEqualTo(3);
        assertThat(page("userName pr", "userName", false, 3, 5).total()).isEqualTo(3);
        assertThat(page("userName eq \"nobody\"", null, false, 0, 5).total()).isZero();
        assertThat(page("userName eq \"alice@x.com\"", null, false, 0, 1).total())
                .isEqualTo(1);
    }

    @Test
    void sortingByUnknownOrMultiValuedAttributeIsRefused() {
        assertThatThrownBy(() -> page(null, "nosuch", false, 0, 10))
                .isInstanceOfSatisfying(
                        ScimProblem.class, p -> assertThat(p.scimType()).isEqualTo(ScimProblem.INVALID_VALUE));
        assertThatThrownBy(() -> page(null, "emails", false, 0, 10)).isInstanceOf(ScimProblem.class);
    }
}
