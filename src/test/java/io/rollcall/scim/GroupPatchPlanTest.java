package io.rollcall.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rollcall.application.scim.MemberChange;
import io.rollcall.application.scim.ScimProblem;
import io.rollcall.scim.patch.PatchOperation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Group PATCHes become row-level membership changes; members are never needed to plan them. */
class GroupPatchPlanTest {

    private static GroupPatchPlan plan(String operations) throws Exception {
        return GroupPatchPlan.of(PatchOperation.parseRequest(new ObjectMapper()
                .readTree("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":"
                        + operations + "}")));
    }

    @Test
    void addRemoveAndReplaceMembers() throws Exception {
        GroupPatchPlan plan =
                plan("[{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"a\"},{\"value\":\"b\"}]},"
                        + "{\"op\":\"Remove\",\"path\":\"members[value eq \\\"c\\\"]\"},"
                        + "{\"op\":\"remove\",\"path\":\"members\",\"value\":[{\"value\":\"d\"}]},"
                        + "{\"op\":\"replace\",\"path\":\"members\",\"value\":[{\"value\":\"e\"}]}]");
        assertThat(plan.memberChanges())
                .containsExactly(
                        new MemberChange.Add(List.of("a", "b")),
                        new MemberChange.Remove(List.of("c")),
                        new MemberChange.Remove(List.of("d")),
                        new MemberChange.ReplaceAll(List.of("e")));
        assertThat(plan.attributeOperations()).isEmpty();
    }

    @Test
    void removeWithoutValueRemovesAllScimMembers() throws Exception {
        assertThat(plan("[{\"op\":\"remove\",\"path\":\"members\"}]").memberChanges())
                .containsExactly(new MemberChange.ReplaceAll(List.of()));
    }

    @Test
    void orOfValueEqualitiesSelectsSeveralMembers() throws Exception {
        assertThat(plan("[{\"op\":\"remove\",\"path\":\"members[value eq \\\"a\\\" or value eq \\\"b\\\"]\"}]")
                        .memberChanges())
                .containsExactly(new MemberChange.Remove(List.of("a", "b")));
    }

    @Test
    void pathlessValuesSplitIntoMembersAndAttributes() throws Exception {
        GroupPatchPlan plan =
                plan("[{\"op\":\"replace\",\"value\":{\"displayName\":\"New\",\"members\":[{\"value\":\"a\"}]}}]");
        assertThat(plan.memberChanges()).containsExactly(new MemberChange.ReplaceAll(List.of("a")));
        assertThat(plan.attributeOperations()).hasSize(1);
        assertThat(plan.attributeOperations().get(0).value().has("members")).isFalse();
    }

    @Test
    void filtersThatWouldNeedEveryMemberAreRefused() {
        assertThatThrownBy(() -> plan("[{\"op\":\"remove\",\"path\":\"members[display co \\\"x\\\"]\"}]"))
                .isInstanceOfSatisfying(
                        ScimProblem.class, p -> assertThat(p.scimType()).isEqualTo(ScimProblem.INVALID_FILTER));
        assertThatThrownBy(() -> plan("[{\"op\":\"add\",\"path\":\"members[value eq \\\"a\\\"]\",\"value\":{}}]"))
                .isInstanceOf(ScimProblem.class);
        assertThatThrownBy(() -> plan("[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":1}]}]"))
                .isInstanceOf(ScimProblem.class);
    }

    /** Okta renames a pushed group with a path-less replace that restates the group's own id. */
    @Test
    void oktaRenameWithTheGroupsOwnIdChangesOnlyTheName() throws Exception {
        GroupPatchPlan plan = plan("[{\"op\":\"replace\",\"value\":{\"id\":\"g1\",\"displayName\":\"New name\"}}]");
        com.fasterxml.jackson.databind.node.ObjectNode group =
                (com.fasterxml.jackson.databind.node.ObjectNode) new ObjectMapper()
                        .readTree("{\"id\":\"g1\",\"displayName\":\"Old\",\"meta\":{\"version\":\"W/\\\"2\\\"\"}}");
        com.fasterxml.jackson.databind.node.ObjectNode before = group.deepCopy();
        GroupPatchPlan.applyAttributes(group, plan.attributeOperations());
        assertThat(GroupJson.draft(group, before).displayName()).isEqualTo("New name");

        GroupPatchPlan other = plan("[{\"op\":\"replace\",\"value\":{\"id\":\"g2\",\"displayName\":\"New name\"}}]");
        assertThatThrownBy(() -> GroupPatchPlan.applyAttributes(before.deepCopy(), other.attributeOperations()))
                .isInstanceOfSatisfying(
                        ScimProblem.class, p -> assertThat(p.scimType()).isEqualTo(ScimProblem.MUTABILITY));
    }
}
