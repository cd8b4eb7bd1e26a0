package io.rollcall.scim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The ListResponse message (RFC 7644 section 3.4.2). */
public final class ListResponses {

    public static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

    private ListResponses() {
    }

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
}
