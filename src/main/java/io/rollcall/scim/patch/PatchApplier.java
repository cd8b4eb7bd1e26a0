package io.rollcall.scim.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rollcall.application.scim.ScimProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Applies PATCH operations (RFC 7644 section 3.5.2) to the JSON form of one resource. The result is validated and
 * mapped by the same code as a PUT body, so a PATCH can never write what a PUT could not. A read-only attribute
 * sent with its current value is an echo and changes nothing; any other value is refused with {@code mutability}
 * ({@link ReadOnlyValues}, the rule PUT follows too); unknown attributes are refused by that mapping. Thread-safe.
 */
public final class PatchApplier {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final String coreSchema;
    private final Set<String> extensionSchemas;
    private final Set<String> readOnly;

    /**
     * @param extensionSchemas lower-case URNs of the extensions whose attributes live under their URN
     * @param readOnly lower-case top-level attributes that PATCH may only restate (id, meta, groups...); a path
     *     naming {@code schemas} is treated the same way
     */
    public PatchApplier(String coreSchema, Set<String> extensionSchemas, Set<String> readOnly) {
        this.coreSchema = coreSchema.toLowerCase(Locale.ROOT);
        this.extensionSchemas = extensionSchemas;
        this.readOnly = readOnly;
    }

    public void apply(ObjectNode resource, List<PatchOperation> operations) {
        for (PatchOperation operation : operations) {
            if (operation.path() == null) {
                applyWithoutPath(resource, operation);
            } else {
                apply(resource, operation.op(), operation.path(), operation.value());
            }
        }
    }

    /** A value object whose members are attributes, extension objects or (as Entra sends) dotted paths. */
    private void applyWithoutPath(ObjectNode resource, PatchOperation operation) {
        for (Map.Entry<String, JsonNode> member : operation.value().properties()) {
            String name = member.getKey();
            if ("schemas".equalsIgnoreCase(name)) {
                continue;
            }
            if (extensionSchemas.contains(name.toLowerCase(Locale.ROOT))
                    && member.getValue().isObject()) {
                for (Map.Entry<String, JsonNode> attribute : member.getValue().properties()) {
                    apply(
                            resource,
                            operation.op(),
                            PatchPath.parse(name + ":" + attribute.getKey()),
                            attribute.getValue());
                }
            } else {
                apply(resource, operation.op(), PatchPath.parse(name), member.getValue());
            }
        }
    }

    private void apply(ObjectNode resource, PatchOperation.Op op, PatchPath path, JsonNode value) {
        ObjectNode container = container(resource, op, path);
        if (container == null) {
            return; // removing from an extension the resource does not have
        }
        JsonNode current = JsonFields.get(container, path.attribute());
        if (container == resource
                && (readOnly.contains(path.attribute().toLowerCase(Locale.ROOT))
                        || "schemas".equalsIgnoreCase(path.attribute()))) {
            echoOfReadOnly(op, path, current, value);
            return;
        }
        if (path.valueFilter() != null) {
            applyToMatches(container, op, path, current, value);
        } else if (path.subAttribute() != null) {
            applyToSubAttribute(container, op, path, current, value);
        } else {
            applyToAttribute(container, op, path.attribute(), current, value);
        }
    }

    /**
     * A read-only attribute may only be restated as it is ({@link ReadOnlyValues}); the operation then changes
     * nothing. Removing a value, or addressing elements by filter, always changes it.
     */
    private static void echoOfReadOnly(PatchOperation.Op op, PatchPath path, JsonNode current, JsonNode value) {
        String name = path.attribute();
        if (op == PatchOperation.Op.REMOVE || path.valueFilter() != null) {
            throw ScimProblem.badRequest(ScimProblem.MUTABILITY, "'" + name + "' is read-only");
        }
        if (path.subAttribute() != null) {
            ReadOnlyValues.requireUnchanged(
                    name + "." + path.subAttribute(), JsonFields.get(current, path.subAttribute()), value);
        } else {
            ReadOnlyValues.requireUnchanged(name, current, value);
        }
    }

    private ObjectNode container(ObjectNode resource, PatchOperation.Op op, PatchPath path) {
        if (path.urn() == null || path.urn().equalsIgnoreCase(coreSchema)) {
            return resource;
        }
        String urn = path.urn().toLowerCase(Locale.ROOT);
        if (!extensionSchemas.contains(urn)) {
            throw ScimProblem.badRequest(ScimProblem.INVALID_PATH, "unknown schema '" + path.urn() + "'");
        }
        JsonNode extension = JsonFields.get(resource, path.urn());
        if (extension instanceof ObjectNode object) {
            return object;
        }
        if (op == PatchOperation.Op.REMOVE) {
            return null;
        }
        ObjectNode created = JSON.objectNode();
        resource.set(path.urn(), created);
        return created;
    }

    private void applyToAttribute(
            ObjectNode container, PatchOperation.Op op, String name, JsonNode current, JsonNode value) {
        switch (op) {
            case ADD -> {
                if ((current != null && current.isArray()) || value.isArray()) {
                    ArrayNode target = current != null && current.isArray() ? (ArrayNode) current : JSON.arrayNode();
                    for (JsonNode element :
                            value.isArray() ? value : JSON.arrayNode().add(value)) {
                        if (!contains(target, element)) {
                            target.add(element);
                        }
                    }
                    JsonFields.set(container, name, target);
                } else {
                    mergeOrSet(container, name, current, value);
                }
            }
            case REPLACE -> {
                if (current != null && current.isArray() && !value.isArray()) {
                    JsonFields.set(container, name, JSON.arrayNode().add(value));
                } else {
                    mergeOrSet(container, name, current, value);
                }
            }
            case REMOVE -> {
                if (current != null && current.isArray() && value != null && !value.isNull()) {
                    removeListed((ArrayNode) current, value);
                } else {
                    JsonFields.remove(container, name);
                }
            }
        }
    }

    /** Complex single-valued attributes (name, manager) take the sub-attributes given; others are replaced. */
    private static void mergeOrSet(ObjectNode container, String name, JsonNode current, JsonNode value) {
        if (current instanceof ObjectNode object && value.isObject()) {
            value.properties().forEach(e -> JsonFields.set(object, e.getKey(), e.getValue()));
        } else {
            JsonFields.set(container, name, value.deepCopy());
        }
    }

    private void applyToSubAttribute(
            ObjectNode container, PatchOperation.Op op, PatchPath path, JsonNode current, JsonNode value) {
        if (current != null && current.isArray()) {
            // "emails.value" without a filter addresses that sub-attribute of every element.
            for (JsonNode element : current) {
                if (element instanceof ObjectNode object) {
                    setOrRemove(object, op, path.subAttribute(), value);
                }
            }
            return;
        }
        if (current == null || current.isNull()) {
            if (op == PatchOperation.Op.REMOVE) {
                return;
            }
            current = JSON.objectNode();
            JsonFields.set(container, path.attribute(), current);
        }
        if (!(current instanceof ObjectNode object)) {
            throw ScimProblem.badRequest(ScimProblem.INVALID_PATH, "'" + path.attribute() + "' has no sub-attributes");
        }
        setOrRemove(object, op, path.subAttribute(), value);
    }

    private void applyToMatches(
            ObjectNode container, PatchOperation.Op op, PatchPath path, JsonNode current, JsonNode value) {
        if (current != null && !current.isNull() && !current.isArray()) {
            throw ScimProblem.badRequest(ScimProblem.INVALID_PATH, "'" + path.attribute() + "' is not multi-valued");
        }
        ElementMatcher matcher = new ElementMatcher(path.valueFilter());
        ArrayNode elements = current == null || current.isNull() ? JSON.arrayNode() : (ArrayNode) current;
        List<Integer> matches = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            if (matcher.matches(elements.get(i))) {
                matches.add(i);
            }
        }
        if (op == PatchOperation.Op.REMOVE) {
            for (int i = matches.size() - 1; i >= 0; i--) {
                if (path.subAttribute() == null) {
                    elements.remove(matches.get(i));
                } else if (elements.get(matches.get(i)) instanceof ObjectNode object) {
                    JsonFields.remove(object, path.subAttribute());
                }
            }
            return;
        }
        if (matches.isEmpty()) {
            ObjectNode template = path.subAttribute() != null ? matcher.template() : null;
            if (template == null) {
                throw ScimProblem.badRequest(
                        ScimProblem.NO_TARGET, "no value of '" + path.attribute() + "' matches the filter");
            }
            // Entra's emails[type eq "work"].value: the element the filter describes, created with the value.
            template.set(path.subAttribute(), value.deepCopy());
            elements.add(template);
            JsonFields.set(container, path.attribute(), elements);
            return;
        }
        for (int index : matches) {
            JsonNode element = elements.get(index);
            if (path.subAttribute() != null) {
                if (element instanceof ObjectNode object) {
                    setOrRemove(object, op, path.subAttribute(), value);
                }
            } else if (value.isObject() && element instanceof ObjectNode object) {
                value.properties().forEach(e -> JsonFields.set(object, e.getKey(), e.getValue()));
            } else {
                throw ScimProblem.badRequest(ScimProblem.INVALID_VALUE, "the value must be an object");
            }
        }
    }

    private static void setOrRemove(ObjectNode object, PatchOperation.Op op, String name, JsonNode value) {
        if (op == PatchOperation.Op.REMOVE) {
            JsonFields.remove(object, name);
        } else {
            JsonFields.set(object, name, value.deepCopy());
        }
    }

    /** Remove with a value (as Entra does for members): drop the elements whose "value" (or whole) matches. */
    private static void removeListed(ArrayNode elements, JsonNode listed) {
        for (JsonNode unwanted : listed.isArray() ? listed : JSON.arrayNode().add(listed)) {
            for (int i = elements.size() - 1; i >= 0; i--) {
                if (sameElement(elements.get(i), unwanted)) {
                    elements.remove(i);
                }
            }
        }
    }

    private static boolean contains(ArrayNode elements, JsonNode candidate) {
        for (JsonNode element : elements) {
            if (sameElement(element, candidate)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameElement(JsonNode a, JsonNode b) {
        JsonNode va = JsonFields.get(a, "value");
        JsonNode vb = JsonFields.get(b, "value");
        if (va != null && vb != null) {
            JsonNode ta = JsonFields.get(a, "type");
            JsonNode tb = JsonFields.get(b, "type");
            boolean sameType = ta == null || tb == null || ta.asText().equalsIgnoreCase(tb.asText());
            return va.asText().equalsIgnoreCase(vb.asText()) && sameType;
        }
        return a.equals(b);
    }
}
