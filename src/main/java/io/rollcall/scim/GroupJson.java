package io.rollcall.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rollcall.application.scim.GroupDraft;
import io.rollcall.application.scim.ScimGroupView;
import io.rollcall.application.scim.ScimProblem;
import io.rollcall.application.scim.ScimSchemaUrns;
import io.rollcall.domain.group.Group;
import io.rollcall.domain.group.MembershipDirectory.Reference;
import io.rollcall.scim.patch.JsonFields;
import io.rollcall.scim.patch.ReadOnlyValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The JSON form of a SCIM Group (RFC 7643 section 4.2) and the strict reading of one. */
public final class GroupJson {

    /** Lower-case top-level members a Group document may carry (the published schema plus "schemas"). */
    static final Set<String> TOP_LEVEL = Set.of("schemas", "id", "meta", "externalid", "displayname", "members");
    /** Lower-case names of the attributes RFC 7643 section 4.2 makes readOnly (as /Schemas says). */
    static final Set<String> READ_ONLY = Set.of("id", "meta");
    /** What a PUT may only restate; a replayed {@code meta} is ignored (see {@link UserJson#READ_ONLY_IN_PUT}). */
    static final Set<String> READ_ONLY_IN_PUT = Set.of("id");

    private static final Set<String> MEMBER = Set.of("value", "display", "$ref", "type");

    private GroupJson() {}

    public static ObjectNode toJson(ScimGroupView view, String baseUrl) {
        Group g = view.group();
        ObjectNode group = JsonNodeFactory.instance.objectNode();
        group.putArray("schemas").add(ScimSchemaUrns.GROUP);
        group.put("id", g.id());
        UserJson.putIfSet(group, "externalId", g.externalId());
        group.put("displayName", g.displayName());
        if (view.members() != null) {
            ArrayNode members = group.putArray("members");
            for (Reference member : view.members()) {
                members.addObject()
                        .put("value", member.id())
                        .put("$ref", baseUrl + "Users/" + member.id())
                        .put("display", member.display())
                        .put("type", "User");
            }
        }
        group.set("meta", Meta.of("Group", g.createdAt(), g.updatedAt(), view.version(), baseUrl + "Groups/" + g.id()));
        return group;
    }

    /**
     * Reads displayName and externalId from a full Group document (POST, PUT, or patched attributes). {@code id} and
     * {@code meta} are read-only: ignored on create (RFC 7644 section 3.3); otherwise {@code id} is accepted only as
     * its current value ({@link ReadOnlyValues}) and {@code meta} is ignored (a PATCH refuses changing it before this).
     *
     * @param current the group as rendered by {@link #toJson} when replacing or patching; null when creating
     * @throws ScimProblem 400 for anything a Group cannot hold
     */
    public static GroupDraft draft(JsonNode document, JsonNode current) {
        if (document == null || !document.isObject()) {
            throw ScimProblem.badRequest(ScimProblem.INVALID_SYNTAX, "a Group must be a JSON object");
        }
        JsonInput.onlyKnown(document, TOP_LEVEL, "");
        if (current != null) {
            ReadOnlyValues.requireUnchanged(document, current, READ_ONLY_IN_PUT);
        }
        String displayName = JsonInput.string(document, "displayName", 255);
        if (displayName == null || displayName.isBlank()) {
            throw ScimProblem.badRequest(ScimProblem.INVALID_VALUE, "displayName is required");
        }
        return new GroupDraft(displayName.trim(), JsonInput.string(document, "externalId", 255));
    }

    /** The member ids of a {@code members} value: an array of {"value": id} (or a single such object). */
    public static List<String> memberIds(JsonNode members) {
        List<String> ids = new ArrayList<>();
        if (members == null || members.isNull()) {
            return ids;
        }
        for (JsonNode member : members.isArray()
                ? members
                : JsonNodeFactory.instance.arrayNode().add(members)) {
            if (!member.isObject()) {
                throw ScimProblem.badRequest(ScimProblem.INVALID_VALUE, "each member must be an object");
            }
            JsonInput.onlyKnown(member, MEMBER, "members.");
            JsonNode value = JsonFields.get(member, "value");
            if (value == null || !value.isTextual()) {
                throw ScimProblem.badRequest(ScimProblem.INVALID_VALUE, "each member needs a string value");
            }
            ids.add(value.asText());
        }
        return ids;
    }
}
