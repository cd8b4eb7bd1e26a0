package io.rollcall.infrastructure.persistence.scim;

import io.rollcall.application.scim.ScimSchemaUrns;
import io.rollcall.domain.group.Group;
import io.rollcall.domain.group.GroupMembership;
import io.rollcall.domain.group.MembershipType;
import io.rollcall.domain.identity.Member;
import io.rollcall.domain.identity.MemberEmail;
import io.rollcall.domain.identity.MemberPhone;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.util.Map;
import java.util.Set;

/**
 * The filterable attributes of SCIM Users (core + enterprise extension) and Groups, mapped onto our entities. Case
 * rules follow RFC 7643: {@code id}, {@code externalId} and reference values are caseExact, other strings are not.
 */
public final class ScimResourceSchemas {

    private static final String ENTERPRISE = ScimSchemaUrns.ENTERPRISE_USER.toLowerCase(java.util.Locale.ROOT) + ":";

    public static final ResourceSchema USER = new ResourceSchema(
            Member.class,
            ScimSchemaUrns.USER,
            Set.of(ScimSchemaUrns.ENTERPRISE_USER.toLowerCase(java.util.Locale.ROOT)),
            Map.ofEntries(
                    Map.entry("id", ColumnAttribute.string("id", true)),
                    Map.entry("externalid", ColumnAttribute.string("externalId", true)),
                    Map.entry("username", ColumnAttribute.caseIgnoredWithLowerColumn("userName", "userNameLower")),
                    Map.entry("name.formatted", ColumnAttribute.string("formattedName", false)),
                    Map.entry("name.familyname", ColumnAttribute.string("familyName", false)),
                    Map.entry("name.givenname", ColumnAttribute.string("givenName", false)),
                    Map.entry("name.middlename", ColumnAttribute.string("middleName", false)),
                    Map.entry("name.honorificprefix", ColumnAttribute.string("honorificPrefix", false)),
                    Map.entry("name.honorificsuffix", ColumnAttribute.string("honorificSuffix", false)),
                    Map.entry("displayname", ColumnAttribute.string("displayName", false)),
                    Map.entry("nickname", ColumnAttribute.string("nickName", false)),
                    Map.entry("profileurl", ColumnAttribute.string("profileUrl", true)),
                    Map.entry("title", ColumnAttribute.string("title", false)),
                    Map.entry("usertype", ColumnAttribute.string("userType", false)),
                    Map.entry("preferredlanguage", ColumnAttribute.string("preferredLanguage", false)),
                    Map.entry("locale", ColumnAttribute.string("locale", false)),
                    Map.entry("timezone", ColumnAttribute.string("timezone", false)),
                    Map.entry("active", ColumnAttribute.bool("active")),
                    Map.entry("meta.created", ColumnAttribute.dateTime("createdAt")),
                    Map.entry("meta.lastmodified", ColumnAttribute.dateTime("updatedAt")),
                    Map.entry(ENTERPRISE + "employeenumber", ColumnAttribute.string("employeeNumber", false)),
                    Map.entry(ENTERPRISE + "costcenter", ColumnAttribute.string("costCenter", false)),
                    Map.entry(ENTERPRISE + "organization", ColumnAttribute.string("organization", false)),
                    Map.entry(ENTERPRISE + "division", ColumnAttribute.string("division", false)),
                    Map.entry(ENTERPRISE + "department", ColumnAttribute.string("department", false)),
                    Map.entry(ENTERPRISE + "manager.value", ColumnAttribute.string("managerValue", true)),
                    Map.entry(ENTERPRISE + "manager.displayname", ColumnAttribute.string("managerDisplayName", false))),
            Map.of(
                    "emails",
                            new MultiValuedAttribute(
                                    "emails",
                                    MemberEmail.class,
                                    (cb, sq, child, resource) -> cb.equal(child.get("member"), resource),
                                    Map.of(
                                            "value",
                                            ColumnAttribute.caseIgnoredWithLowerColumn("value", "valueLower"),
                                            "type",
                                            ColumnAttribute.string("type", false),
                                            "display",
                                            ColumnAttribute.string("display", false),
                                            "primary",
                                            ColumnAttribute.bool("primary"))),
                    "phonenumbers",
                            new MultiValuedAttribute(
                                    "phoneNumbers",
                                    MemberPhone.class,
                                    (cb, sq, child, resource) -> cb.equal(child.get("member"), resource),
                                    Map.of(
                                            "value",
                                            ColumnAttribute.string("value", false),
                                            "type",
                                            ColumnAttribute.string("type", false),
                                            "display",
                                            ColumnAttribute.string("display", false),
                                            "primary",
                                            ColumnAttribute.bool("primary"))),
                    "groups",
                            new MultiValuedAttribute(
                                    "groups",
                                    GroupMembership.class,
                                    (cb, sq, child, resource) -> cb.and(
                                            cb.equal(child.get("memberId"), resource.get("id")),
                                            child.get("groupId").in(dynamicGroupIds(sq))),
                                    Map.of("value", ColumnAttribute.string("groupId", true)))));

    public static final ResourceSchema GROUP = new ResourceSchema(
            Group.class,
            ScimSchemaUrns.GROUP,
            Set.of(),
            Map.of(
                    "id", ColumnAttribute.string("id", true),
                    "externalid", ColumnAttribute.string("externalId", true),
                    "displayname", ColumnAttribute.caseIgnoredWithLowerColumn("displayName", "displayNameLower"),
                    "meta.created", ColumnAttribute.dateTime("createdAt"),
                    "meta.lastmodified", ColumnAttribute.dateTime("updatedAt")),
            Map.of(
                    "members",
                    new MultiValuedAttribute(
                            "members",
                            GroupMembership.class,
                            (cb, sq, child, resource) -> cb.equal(child.get("groupId"), resource.get("id")),
                            Map.of("value", ColumnAttribute.string("memberId", true)))));

    private ScimResourceSchemas() {}

    /** STATIC groups are invisible to SCIM, also through a user's {@code groups}. */
    private static Subquery<String> dynamicGroupIds(Subquery<?> parent) {
        Subquery<String> ids = parent.subquery(String.class);
        Root<Group> group = ids.from(Group.class);
        return ids.select(group.get("id")).where(group.get("membershipType").in(MembershipType.DYNAMIC));
    }
}
