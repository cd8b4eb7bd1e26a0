package io.rollcall.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rollcall.application.scim.ScimProblem;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code attributes} / {@code excludedAttributes} (RFC 7644 section 3.9) applied to a resource's JSON. {@code id} and
 * {@code schemas} are always returned. Paths may be sub-attributes ({@code name.givenName}) or URN-qualified.
 */
public record Projection(Set<String> attributes, Set<String> excluded) {

    private static final Set<String> ALWAYS = Set.of("id", "schemas");

    public static Projection of(String attributes, String excludedAttributes) {
        Set<String> include = split(attributes);
        Set<String> exclude = split(excludedAttributes);
        if (!include.isEmpty() && !exclude.isEmpty()) {
            throw ScimProblem.badRequest(
                    ScimProblem.INVALID_VALUE, "attributes and excludedAttributes cannot be combined");
        }
        return new Projection(include, exclude);
    }

    public static Projection none() {
        return new Projection(Set.of(), Set.of());
    }

    /** True when the projection keeps {@code attribute} (lower-case top-level name): lets callers skip loading it. */
    public boolean keeps(String attribute) {
        if (!attributes.isEmpty()) {
            return attributes.stream().anyMatch(a -> a.equals(attribute) || a.startsWith(attribute + "."));
        }
        return !excluded.contains(attribute);
    }

    public ObjectNode apply(ObjectNode resource) {
        if (attributes.isEmpty() && excluded.isEmpty()) {
            return resource;
        }
        List<String> names = new ArrayList<>();
        resource.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            String key = name.toLowerCase(Locale.ROOT);
            if (ALWAYS.contains(key)) {
                continue;
            }
            JsonNode value = resource.get(name);
            if (!attributes.isEmpty()) {
                if (attributes.contains(key)) {
                    continue;
                }
                Set<String> subs = subsOf(attributes, key);
                if (subs.isEmpty() || !(value instanceof ObjectNode object)) {
                    resource.remove(name);
                } else {
                    retainOnly(object, subs);
                }
            } else if (excluded.contains(key)) {
                resource.remove(name);
            } else if (value instanceof ObjectNode object) {
                for (String sub : subsOf(excluded, key)) {
                    object.remove(io.rollcall.scim.patch.JsonFields.key(object, sub));
                }
            }
        }
        return resource;
    }

    private static void retainOnly(ObjectNode object, Set<String> subs) {
        Iterator<String> fields = object.fieldNames();
        List<String> drop = new ArrayList<>();
        fields.forEachRemaining(f -> {
            if (!subs.contains(f.toLowerCase(Locale.ROOT))) {
                drop.add(f);
            }
        });
        object.remove(drop);
    }

    /** Sub-attribute names listed for {@code parent}: "name.givenname" and, for extensions, "urn:...:user:dept". */
    private static Set<String> subsOf(Set<String> paths, String parent) {
        Set<String> subs = new LinkedHashSet<>();
        for (String path : paths) {
            if (path.startsWith(parent + ".")) {
                subs.add(path.substring(parent.length() + 1));
            } else if (path.startsWith(parent + ":")) {
                subs.add(path.substring(parent.length() + 1));
            }
        }
        return subs;
    }

    private static Set<String> split(String list) {
        Set<String> names = new LinkedHashSet<>();
        if (list == null) {
            return names;
        }
        for (String part : list.split(",")) {
            String name = part.trim().toLowerCase(Locale.ROOT);
            if (name.startsWith(io.rollcall.application.scim.ScimSchemaUrns.USER.toLowerCase(Locale.ROOT) + ":")
                    || name.startsWith(
                            io.rollcall.application.scim.ScimSchemaUrns.GROUP.toLowerCase(Locale.ROOT) + ":")) {
                name = name.substring(name.lastIndexOf(':') + 1);
            }
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }
}
