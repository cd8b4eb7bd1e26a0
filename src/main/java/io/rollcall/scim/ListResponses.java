package io.rollcall.scim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The ListResponse message (RFC 7644 section 3.4.2). */
public final class ListResponses {

    public static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

    private ListResponses() {}

    public static ObjectNode of(List<ObjectNode> resources, long totalResults, int startIndex) {
        ObjectNode list = JsonNodeFactory.instance.objectNode();
        list.putArray("schemas").add(SCHEMA);
        list.put("totalResults", totalResults);
        list.put("startIndex", startIndex);
        list.put("itemsPerPage", resources.size());
        ArrayNode array = list.putArray("Resources");
        resources.forEach(array::add);
        return list;
    }

    /**
     * The page of a list in either paging mode. With cursor paging the query fetched one item more than the limit:
     * if it is there, it is dropped and {@code nextCursor} points after the last item shown.
     */
    public static ObjectNode of(ListParams params, List<ObjectNode> resources, List<String> ids, long totalResults) {
        if (params.cursorScope() == null) {
            return of(resources, totalResults, params.startIndex());
        }
        int limit = params.spec().limit();
        boolean more = resources.size() > limit;
        List<ObjectNode> shown = more ? resources.subList(0, limit) : resources;
        ObjectNode list = JsonNodeFactory.instance.objectNode();
        list.putArray("schemas").add(SCHEMA);
        list.put("totalResults", totalResults);
        list.put("itemsPerPage", shown.size());
        if (more && limit > 0) {
            list.put("nextCursor", Cursors.encode(ids.get(limit - 1), params.cursorScope()));
        }
        ArrayNode array = list.putArray("Resources");
        shown.forEach(array::add);
        return list;
    }
}
