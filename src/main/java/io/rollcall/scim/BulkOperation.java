package io.rollcall.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.rollcall.application.scim.ScimProblem;
import io.rollcall.scim.patch.JsonFields;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One operation of a BulkRequest (RFC 7644 section 3.7): {@code {method, bulkId?, version?, path, data?}}.
 * References to other operations are strings {@code bulkId:<id>}, in {@code data} or in {@code path}; they are
 * substituted with the created resource's id before the operation runs.
 */
public record BulkOperation(int index, String method, String bulkId, String version, String path, JsonNode data) {

    static final String PREFIX = "bulkId:";
    private static final Pattern REFERENCE = Pattern.compile("bulkId:([^\\s\"/\\]]+)");
    private static final Set<String> METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

    /** Parses one element of {@code Operations}; a malformed one is a ScimProblem for that operation only. */
    static BulkOperation parse(int index, JsonNode node) {
        if (node == null || !node.isObject()) {
            throw ScimProblem.badRequest(ScimProblem.INVALID_SYNTAX, "a bulk operation must be a JSON object");
        }
        String method = text(node, "method");
        if (method == null || !METHODS.contains(method.toUpperCase(Locale.ROOT))) {
            throw ScimProblem.badRequest(ScimProblem.INVALID_VALUE, "method must be POST, PUT, PATCH or DELETE");
        }
        String path = text(node, "path");
        if (path == null || path.isBlank()) {
            throw ScimProblem.badRequest(ScimProblem.INVALID_VALUE, "path is required");
        }
        String bulkId = text(node, "bulkId");
        method = method.toUpperCase(Locale.ROOT);
        if (method.equals("POST") && (bulkId == null || bulkId.isBlank())) {
            throw ScimProblem.badRequest(ScimProblem.INVALID_VALUE, "bulkId is required for POST");
        }
        JsonNode data = JsonFields.get(node, "data");
        if (!method.equals("DELETE") && (data == null || !data.isObject())) {
            throw ScimProblem.badRequest(ScimProblem.INVALID_VALUE, "data must be a JSON object for " + method);
        }
        return new BulkOperation(index, method, bulkId, text(node, "version"), path.trim(), data);
    }

    /** Method and bulkId as far as they can be read from a malformed operation, for its result entry. */
    static BulkOperation unparsable(int index, JsonNode node) {
        return new BulkOperation(
                index,
                node != null && node.isObject() ? text(node, "method") : null,
                node != null && node.isObject() ? text(node, "bulkId") : null,
                null,
                null,
                null);
    }

    /** The bulkIds this operation refers to, in path and data. */
    Set<String> references() {
        Set<String> found = new LinkedHashSet<>();
        collect(path, found);
        if (data != null) {
            collect(data, found);
        }
        return found;
    }

    /** This operation with every {@code bulkId:x} replaced by {@code ids.get(x)}; all must be resolved. */
    BulkOperation resolve(Map<String, String> ids) {
        return new BulkOperation(
                index,
                method,
                bulkId,
                version,
                substitute(path, ids),
                data == null ? null : substitute(data.deepCopy(), ids));
    }

    private static void collect(JsonNode node, Set<String> found) {
        if (node.isTextual()) {
            collect(node.asText(), found);
        } else if (node.isContainerNode()) {
            node.forEach(child -> collect(child, found));
        }
    }

    private static void collect(String text, Set<String> found) {
        Matcher matcher = REFERENCE.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
    }

    private static JsonNode substitute(JsonNode node, Map<String, String> ids) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                object.set(name, substitute(object.get(name), ids));
            }
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, substitute(array.get(i), ids));
            }
            return array;
        }
        return node.isTextual() ? TextNode.valueOf(substitute(node.asText(), ids)) : node;
    }

    private static String substitute(String text, Map<String, String> ids) {
        if (!text.contains(PREFIX)) {
            return text;
        }
        Matcher matcher = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String id = ids.get(matcher.group(1));
            if (id == null) {
                throw new IllegalStateException("unresolved bulkId " + matcher.group(1));
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(id));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = JsonFields.get(node, name);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** Iterates the Operations array of a BulkRequest. */
    static Iterator<JsonNode> operations(JsonNode request) {
        JsonNode operations = request == null || !request.isObject() ? null : JsonFields.get(request, "Operations");
        if (operations == null || !operations.isArray()) {
            throw ScimProblem.badRequest(ScimProblem.INVALID_SYNTAX, "a BulkRequest needs an Operations array");
        }
        return operations.elements();
    }
}
