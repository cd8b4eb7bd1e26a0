package io.rollcall.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rollcall.application.scim.MemberDraft;
import io.rollcall.application.scim.ScimProblem;
import io.rollcall.application.scim.ScimSchemaUrns;
import io.rollcall.application.scim.ScimUserView;
import io.rollcall.domain.group.MembershipDirectory.Reference;
import io.rollcall.domain.identity.ContactValue;
import io.rollcall.domain.identity.Member;
import io.rollcall.scim.patch.JsonFields;
import io.rollcall.scim.patch.ReadOnlyValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The JSON form of a SCIM User (RFC 7643 section 4.1 + enterprise extension) and the strict reading of one. Every
 * writable attribute maps to exactly one member field; read-only ones (id, meta, groups) are never written;
 * {@code password} is accepted and dropped because Rollcall keeps no passwords (Okta sends one on create); roles,
 * entitlements, ims, photos and x509Certificates are stored and returned as sent (Entra sends {@code roles} for mapped
 * app roles) but never interpreted: a SCIM role is not a Rollcall role. Anything else is refused rather than
 * silently ignored.
 */
public final class UserJson {

    /** Lower-case names of the attributes RFC 7643 section 4.1 makes readOnly (as /Schemas says). */
    static final Set<String> READ_ONLY = Set.of("id", "meta", "groups");
    /**
     * What a PUT may only restate: RFC 7644 section 3.5.1 has a PUT ignore read-only values, and clients do replay a
     * stale {@code meta} (Microsoft's SCIMReferenceCode PUT does), but another {@code id} or other {@code groups} ask
     * for a change that cannot happen and are refused.
     */
    static final Set<String> READ_ONLY_IN_PUT = Set.of("id", "groups");

    static final String ENTERPRISE_KEY = ScimSchemaUrns.ENTERPRISE_USER.toLowerCase(Locale.ROOT);
    /** Lower-case top-level members a User document may carry (the published schemas plus "schemas"). */
    static final Set<String> TOP_LEVEL = Set.of(
            "schemas",
            "id",
            "meta",
            "externalid",
            "username",
            "name",
            "displayname",
            "nickname",
            "profileurl",
            "title",
            "usertype",
            "preferredlanguage",
            "locale",
            "timezone",
            "active",
            "emails",
            "phonenumbers",
            "addresses",
            "groups",
            "password",
            "roles",
            "entitlements",
            "ims",
            "photos",
            "x509certificates",
            ENTERPRISE_KEY);
    /**
     * Multi-valued attributes (RFC 7643 section 4.1.2) stored only to be returned, each element {value, display,
     * type, primary}; with the longest value each may hold (a base64 DER certificate is a few KiB).
     */
    private static final Map<String, Integer> STORED = storedAttributes();

    private static final Set<String> ADDRESS =
            Set.of("formatted", "streetaddress", "locality", "region", "postalcode", "country", "type", "primary");
    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER =
            new com.fasterxml.jackson.databind.ObjectMapper();
    private static final Set<String> NAME =
            Set.of("formatted", "familyname", "givenname", "middlename", "honorificprefix", "honorificsuffix");
    private static final Set<String> CONTACT = Set.of("value", "type", "display", "primary", "$ref");
    private static final Set<String> ENTERPRISE =
            Set.of("employeenumber", "costcenter", "organization", "division", "department", "manager");
    private static final Set<String> MANAGER = Set.of("value", "displayname", "$ref");
    private static final int MAX_CONTACTS = 20;

    private UserJson() {}

    public static ObjectNode toJson(ScimUserView view, String baseUrl) {
        Member m = view.member();
        ObjectNode user = JsonNodeFactory.instance.objectNode();
        ArrayNode schemas = user.putArray("schemas").add(ScimSchemaUrns.USER);
        user.put("id", m.id());
        putIfSet(user, "externalId", m.externalId());
        user.put("userName", m.userName());
        ObjectNode name = JsonNodeFactory.instance.objectNode();
        putIfSet(name, "formatted", m.formattedName());
        putIfSet(name, "familyName", m.familyName());
        putIfSet(name, "givenName", m.givenName());
        putIfSet(name, "middleName", m.middleName());
        putIfSet(name, "honorificPrefix", m.honorificPrefix());
        putIfSet(name, "honorificSuffix", m.honorificSuffix());
        if (!name.isEmpty()) {
            user.set("name", name);
        }
        putIfSet(user, "displayName", m.displayName());
        putIfSet(user, "nickName", m.nickName());
        putIfSet(user, "profileUrl", m.profileUrl());
        putIfSet(user, "title", m.title());
        putIfSet(user, "userType", m.userType());
        putIfSet(user, "preferredLanguage", m.preferredLanguage());
        putIfSet(user, "locale", m.locale());
        putIfSet(user, "timezone", m.timezone());
        user.put("active", m.active());
        MemberDraft draft = MemberDraft.of(m);
        contacts(user, "emails", draft.emails());
        contacts(user, "phoneNumbers", draft.phoneNumbers());
        if (m.addressesJson() != null) {
            try {
                user.set("addresses", MAPPER.readTree(m.addressesJson()));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("stored addresses of member " + m.id() + " are not JSON", e);
            }
        }
        if (m.storedValuesJson() != null) {
            try {
                MAPPER.readTree(m.storedValuesJson()).properties().forEach(e -> user.set(e.getKey(), e.getValue()));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("stored values of member " + m.id() + " are not JSON", e);
            }
        }
        if (!view.groups().isEmpty()) {
            ArrayNode groups = user.putArray("groups");
            for (Reference group : view.groups()) {
                groups.addObject()
                        .put("value", group.id())
                        .put("$ref", baseUrl + "Groups/" + group.id())
                        .put("display", group.display())
                        .put("type", "direct");
            }
        }
        ObjectNode enterprise = JsonNodeFactory.instance.objectNode();
        putIfSet(enterprise, "employeeNumber", m.employeeNumber());
        putIfSet(enterprise, "costCenter", m.costCenter());
        putIfSet(enterprise, "organization", m.organization());
        putIfSet(enterprise, "division", m.division());
        putIfSet(enterprise, "department", m.department());
        if (m.managerValue() != null || m.managerDisplayName() != null) {
            ObjectNode manager = enterprise.putObject("manager");
            putIfSet(manager, "value", m.managerValue());
            if (m.managerValue() != null) {
                manager.put("$ref", baseUrl + "Users/" + m.managerValue());
            }
            putIfSet(manager, "displayName", m.managerDisplayName());
        }
        if (!enterprise.isEmpty()) {
            schemas.add(ScimSchemaUrns.ENTERPRISE_USER);
            user.set(ScimSchemaUrns.ENTERPRISE_USER, enterprise);
        }
        user.set("meta", Meta.of("User", m.createdAt(), m.updatedAt(), m.version(), baseUrl + "Users/" + m.id()));
        return user;
    }

    /**
     * Reads a full User document (POST, PUT, or a patched document). Read-only attributes ({@link #READ_ONLY}) are
     * never written: sent back as they are they change nothing, another {@code id} or other {@code groups} are a 400
     * {@code mutability} ({@link ReadOnlyValues}), {@code meta} is ignored ({@link #READ_ONLY_IN_PUT}; a PATCH
     * refuses changing it before this). On create ({@code current} null) the server assigns {@code id} and
     * {@code meta} (RFC 7644 section 3.3), so only {@code groups} must be absent or empty.
     *
     * @param current the member as rendered by {@link #toJson} when replacing or patching; null when creating
     * @throws ScimProblem 400 for anything a User cannot hold
     */
    public static MemberDraft fromJson(JsonNode document, JsonNode current) {
        if (document == null || !document.isObject()) {
            throw ScimProblem.badRequest(ScimProblem.INVALID_SYNTAX, "a User must be a JSON object");
        }
        JsonInput.onlyKnown(withoutEmptyUnsupported(document), TOP_LEVEL, "");
        if (current == null) {
            ReadOnlyValues.requireUnchanged(document, JsonNodeFactory.instance.objectNode(), Set.of("groups"));
        } else {
            ReadOnlyValues.requireUnchanged(document, current, READ_ONLY_IN_PUT);
        }
        String userName = JsonInput.string(document, "userName", 255);
        if (userName == null || userName.isBlank()) {
            throw ScimProblem.badRequest(ScimProblem.INVALID_VALUE, "userName is required");
        }
        ObjectNode name = JsonInput.object(document, "name");
        if (name != null) {
            JsonInput.onlyKnown(name, NAME, "name.");
        }
        ObjectNode enterprise = JsonInput.object(document, ScimSchemaUrns.ENTERPRISE_USER);
        ObjectNode manager = null;
        if (enterprise != null) {
            JsonInput.onlyKnown(enterprise, ENTERPRISE, "enterprise:");
            JsonNode managerNode = JsonFields.get(enterprise, "manager");
            if (managerNode != null && managerNode.isTextual()) {
                // Some clients send the manager's id as a plain string.
                manager = JsonNodeFactory.instance.objectNode().put("value", managerNode.asText());
            } else {
                manager = JsonInput.object(enterprise, "manager");
                if (manager != null) {
                    JsonInput.onlyKnown(manager, MANAGER, "manager.");
                }
            }
        }
        Boolean active = JsonInput.bool(document, "active");
        return new MemberDraft(
                userName.trim(),
                JsonInput.string(document, "externalId", 255),
                new MemberDraft.Name(
                        str(name, "formatted", 255),
                        str(name, "familyName", 255),
                        str(name, "givenName", 255),
                        str(name, "middleName", 255),
                        str(name, "honorificPrefix", 64),
                        str(name, "honorificSuffix", 64)),
                JsonInput.string(document, "displayName", 255),
                JsonInput.string(document, "nickName", 255),
                JsonInput.string(document, "profileUrl", 1024),
                JsonInput.string(document, "title", 255),
                JsonInput.string(document, "userType", 64),
                JsonInput.string(document, "preferredLanguage", 64),
                JsonInput.string(document, "locale", 64),
                JsonInput.string(document, "timezone", 64),
                active == null || active,
                contacts(document, "emails", 320),
                contacts(document, "phoneNumbers", 64),
                addresses(document),
                storedValues(document),
                new MemberDraft.Enterprise(
                        str(enterprise, "employeeNumber", 64),
                        str(enterprise, "costCenter", 255),
                        str(enterprise, "organization", 255),
                        str(enterprise, "division", 255),
                        str(enterprise, "department", 255),
                        str(manager, "value", 255),
                        str(manager, "displayName", 255)));
    }

    /**
     * Entra and others send {@code "roles": []} on every create: an empty (or null) value of an attribute we do not
     * store asks for nothing, so it is accepted; any actual value is still refused.
     */
    private static JsonNode withoutEmptyUnsupported(JsonNode document) {
        ObjectNode copy = ((ObjectNode) document).deepCopy();
        List<String> names = new ArrayList<>();
        copy.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode value = copy.get(name);
            if (!TOP_LEVEL.contains(name.toLowerCase(Locale.ROOT))
                    && (value.isNull() || (value.isArray() && value.isEmpty()))) {
                copy.remove(name);
            }
        }
        return copy;
    }

    private static String str(JsonNode object, String name, int max) {
        return object == null ? null : JsonInput.string(object, name, max);
    }

    private static List<ContactValue> contacts(JsonNode document, String attribute, int maxLength) {
        JsonNode values = JsonFields.get(document, attribute);
        if (values == null || values.isNull()) {
            return List.of();
        }
        if (!values.isArray()) {
            throw ScimProblem.badRequest(ScimProblem.INVALID_VALUE, "'" + attribute + "' must be an array");
        }
        if (values.size() > MAX_CONTACTS) {
            throw ScimProblem.badRequest(ScimProblem.INVALID_VALUE, "at most " + MAX_CONTACTS + " " + attribute);
        }
        List<ContactValue> contacts = new ArrayList<>();
        int primaries = 0;
        for (JsonNode value : values) {
            if (!value.isObject()) {
                throw ScimProblem.badRequest(
                        ScimProblem.INVALID_VALUE, "each of '" + attribute + "' must be an object");
            }
            JsonInput.onlyKnown(value, CONTACT, attribute + ".");
            String text = JsonInput.string(value, "value", maxLength);
            if (text == null) {
                throw ScimProblem.badRequest(ScimProblem.INVALID_VALUE, "each of '" + attribute + "' needs a value");
            }
            boolean primary = Boolean.TRUE.equals(JsonInput.bool(value, "primary"));
            primaries += primary ? 1 : 0;
            contacts.add(new ContactValue(
                    text, JsonInput.string(value, "type", 32), JsonInput.string(value, "display", 255), primary));
        }
        if (primaries > 1) {
            throw ScimProblem.badRequest(ScimProblem.INVALID_VALUE, "at most one of '" + attribute + "' is primary");
        }
        return contacts;
    }

    private static Map<String, Integer> storedAttributes() {
        Map<String, Integer> stored = new LinkedHashMap<>();
        stored.put("roles", 1024);
        stored.put("entitlements", 1024);
        stored.put("ims", 1024);
        stored.put("photos", 2048);
        stored.put("x509Certificates", 16384);
        return stored;
    }

    /** Validated, normalised JSON object text of the stored-only attributes present; null when there are none. */
    private static String storedValues(JsonNode document) {
        ObjectNode stored = JsonNodeFactory.instance.objectNode();
        STORED.forEach((attribute, maxLength) -> contacts(stored, attribute, contacts(document, attribute, maxLength)));
        return stored.isEmpty() ? null : stored.toString();
    }

    /** Validated, normalised (canonical names, no nulls) JSON text of the addresses; null when there are none. */
    private static String addresses(JsonNode document) {
        JsonNode values = JsonFields.get(document, "addresses");
        if (values == null || values.isNull() || (values.isArray() && values.isEmpty())) {
            return null;
        }
        if (!values.isArray() || values.size() > MAX_CONTACTS) {
            throw ScimProblem.badRequest(
                    ScimProblem.INVALID_VALUE, "addresses must be an array of at most " + MAX_CONTACTS);
        }
        ArrayNode normalised = JsonNodeFactory.instance.arrayNode();
        int primaries = 0;
        for (JsonNode value : values) {
            if (!value.isObject()) {
                throw ScimProblem.badRequest(ScimProblem.INVALID_VALUE, "each address must be an object");
            }
            JsonInput.onlyKnown(value, ADDRESS, "addresses.");
            ObjectNode address = normalised.addObject();
            for (String name :
                    List.of("formatted", "streetAddress", "locality", "region", "postalCode", "country", "type")) {
                putIfSet(address, name, JsonInput.string(value, name, 1024));
            }
            boolean primary = Boolean.TRUE.equals(JsonInput.bool(value, "primary"));
            primaries += primary ? 1 : 0;
            address.put("primary", primary);
        }
        if (primaries > 1) {
            throw ScimProblem.badRequest(ScimProblem.INVALID_VALUE, "at most one address is primary");
        }
        return normalised.toString();
    }

    private static void contacts(ObjectNode user, String attribute, List<ContactValue> values) {
        if (values.isEmpty()) {
            return;
        }
        ArrayNode array = user.putArray(attribute);
        for (ContactValue value : values) {
            ObjectNode element = array.addObject().put("value", value.value());
            putIfSet(element, "type", value.type());
            putIfSet(element, "display", value.display());
            element.put("primary", value.primary());
        }
    }

    static void putIfSet(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }
}
