package io.rollcall.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rollcall.application.scim.GroupAttributeEdit;
import io.rollcall.application.scim.MemberChange;
import io.rollcall.application.scim.ParsedFilter;
import io.rollcall.application.scim.ScimGroupView;
import io.rollcall.application.scim.ScimProblem;
import io.rollcall.scim.patch.JsonFields;
import io.rollcall.scim.patch.PatchOperation;
import io.rollcall.scim.patch.PatchPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.directory.scim.spec.filter.AttributeComparisonExpression;
import org.apache.directory.scim.spec.filter.CompareOperator;
import org.apache.directory.scim.spec.filter.FilterExpression;
import org.apache.directory.scim.spec.filter.LogicalExpression;
import org.apache.directory.scim.spec.filter.LogicalOperator;

/**
 * Splits a Group PATCH into row-level membership changes and the operations on the group's other attributes, so
 * that members are never loaded to be changed. {@code members[value eq "id"]} (or several joined by {@code or}) is
 * the only value filter on members: anything else would need every member to evaluate.
 */
public record GroupPatchPlan(List<MemberChange> memberChanges, List<PatchOperation> attributeOperations) {

    public static GroupPatchPlan of(List<PatchOperation> operations) {
        List<MemberChange> changes = new ArrayList<>();
        List<PatchOperation> others = new ArrayList<>();
        for (PatchOperation operation : operations) {
            if (operation.path() == null) {
                split(operation, changes, others);
            } else if (operation.path().attribute().equalsIgnoreCase("members")
                    && operation.path().urn() == null) {
                changes.add(memberChange(operation.op(), operation.path(), operation.value()));
            } else {
                others.add(operation);
            }
        }
        return new GroupPatchPlan(changes, others);
    }

    /** A path-less value may mix members with other attributes: {"members": [...], "displayName": "x"}. */
    private static void split(PatchOperation operation, List<MemberChange> changes, List<PatchOperation> others) {
        ObjectNode rest = operation.value().deepCopy();
        for (Map.Entry<String, JsonNode> field : operation.value().properties()) {
            if (field.getKey().equalsIgnoreCase("members")) {
                changes.add(memberChange(operation.op(), PatchPath.parse("members"), field.getValue()));
                rest.remove(field.getKey());
            }
        }
        if (!rest.isEmpty()) {
            others.add(new PatchOperation(operation.op(), null, rest));
        }
    }

    private static MemberChange memberChange(PatchOperation.Op op, PatchPath path, JsonNode value) {
        if (path.subAttribute() != null) {
            throw ScimProblem.badRequest(ScimProblem.INVALID_PATH, "members cannot be changed by sub-attribute");
        }
        if (path.valueFilter() != null) {
            if (op != PatchOperation.Op.REMOVE) {
                throw ScimProblem.badRequest(
                        ScimProblem.INVALID_PATH, "a members[...] filter is supported for remove only");
            }
            return new MemberChange.Remove(
                    idsOf(path.valueFilter(), path.valueFilter().expression()));
        }
        return switch (op) {
            case ADD -> new MemberChange.Add(GroupJson.memberIds(value));
            case REPLACE -> new MemberChange.ReplaceAll(GroupJson.memberIds(value));
            case REMOVE ->
                value == null || value.isNull()
                        ? new MemberChange.ReplaceAll(List.of())
                        : new MemberChange.Remove(GroupJson.memberIds(value));
        };
    }

    private static List<String> idsOf(ParsedFilter filter, FilterExpression expression) {
        if (expression instanceof LogicalExpression logical && logical.getOperator() == LogicalOperator.OR) {
            List<String> ids = new ArrayList<>(idsOf(filter, logical.getLeft()));
            ids.addAll(idsOf(filter, logical.getRight()));
            return ids;
        }
        if (expression instanceof AttributeComparisonExpression c && c.getOperation() == CompareOperator.EQ) {
            String name = c.getAttributePath().getSubAttributeName() != null
                    ? c.getAttributePath().getSubAttributeName()
                    : c.getAttributePath().getAttributeName();
            if ("value".equalsIgnoreCase(name)) {
                return List.of(filter.literal(c.getCompareValue()));
            }
        }
        throw ScimProblem.badRequest(
                ScimProblem.INVALID_FILTER,
                "members can be selected by value eq \"id\" (optionally joined with or) only");
    }

    /**
     * The attribute half of the plan as the use case's edit: {@link GroupAttributeEdit#UNCHANGED} when the PATCH only
     * changes members, else the operations applied to the current group's JSON (rendered with this base URL).
     */
    GroupAttributeEdit attributeEdit(String base) {
        if (attributeOperations.isEmpty()) {
            return GroupAttributeEdit.UNCHANGED;
        }
        return current -> {
            ObjectNode before = GroupJson.toJson(new ScimGroupView(current, null), base);
            ObjectNode document = before.deepCopy();
            applyAttributes(document, attributeOperations);
            try {
                return Optional.of(GroupJson.draft(document, before));
            } catch (JsonInput.UnknownAttribute unknown) {
                throw unknown.asPathProblem();
            }
        };
    }

    /** Applies the non-member operations to the group's JSON (members excluded) for {@link GroupJson#draft}. */
    static void applyAttributes(ObjectNode group, List<PatchOperation> operations) {
        JsonFields.remove(group, "members");
        GROUP_PATCHER.apply(group, operations);
    }

    static final io.rollcall.scim.patch.PatchApplier GROUP_PATCHER = new io.rollcall.scim.patch.PatchApplier(
            io.rollcall.application.scim.ScimSchemaUrns.GROUP, java.util.Set.of(), GroupJson.READ_ONLY);
}
