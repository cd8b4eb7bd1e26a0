package io.rollcall.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rollcall.application.scim.ScimSchemaUrns;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The schemas and resource types Rollcall publishes (RFC 7643 sections 6 and 7), from one checked-in document,
 * {@code schemas.json} next to this class, that states what the server accepts: every attribute's mutability is
 * what {@link UserJson} and {@link GroupJson} do with it (checked by a unit test that writes each one). SCIMple's
 * annotation-derived schemas advertised attributes Rollcall refused.
 * <p>
 * Renderings are fresh trees (callers may change them); {@code meta.location} needs the request's base URL.
 * Thread-safe.
 */
public final class PublishedSchemas {

    public static final String SCHEMA_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema";
    public static final String RESOURCE_TYPE_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";

    private static final List<JsonNode> SCHEMAS = load();

    private PublishedSchemas() {}

    /** The Schema resources, in the order User, enterprise User extension, Group. */
    public static List<ObjectNode> schemas(String base) {
        List<ObjectNode> rendered = new ArrayList<>();
        SCHEMAS.forEach(s -> rendered.add(schema(s, base)));
        return rendered;
    }

    /** The Schema resource with this URN (RFC 7643 URNs compare case-insensitively). */
    public static Optional<ObjectNode> schema(String id, String base) {
        return SCHEMAS.stream()
                .filter(s -> s.get("id").asText().equalsIgnoreCase(id))
                .findFirst()
                .map(s -> schema(s, base));
    }

    /** The ResourceType resources: User (with the optional enterprise extension) and Group. */
    public static List<ObjectNode> resourceTypes(String base) {
        ObjectNode user = resourceType("User", "Users", "User Account", ScimSchemaUrns.USER, base);
        user.putArray("schemaExtensions")
                .addObject()
                .put("schema", ScimSchemaUrns.ENTERPRISE_USER)
                .put("required", false);
        return List.of(user, resourceType("Group", "Groups", "Group", ScimSchemaUrns.GROUP, base));
    }

    public static Optional<ObjectNode> resourceType(String id, String base) {
        return resourceTypes(base).stream()
                .filter(t -> t.get("id").asText().equalsIgnoreCase(id))
                .findFirst();
    }

    private static ObjectNode schema(JsonNode source, String base) {
        ObjectNode schema = JsonNodeFactory.instance.objectNode();
        schema.putArray("schemas").add(SCHEMA_SCHEMA);
        schema.setAll((ObjectNode) source.deepCopy());
        schema.putObject("meta")
                .put("resourceType", "Schema")
                .put("location", base + "Schemas/" + source.get("id").asText());
        return schema;
    }

    private static ObjectNode resourceType(String id, String endpoint, String description, String schema, String base) {
        ObjectNode type = JsonNodeFactory.instance.objectNode();
        type.putArray("schemas").add(RESOURCE_TYPE_SCHEMA);
        type.put("id", id)
                .put("name", id)
                .put("endpoint", "/" + endpoint)
                .put("description", description)
                .put("schema", schema);
        type.putObject("meta").put("resourceType", "ResourceType").put("location", base + "ResourceTypes/" + id);
        return type;
    }

    private static List<JsonNode> load() {
        try (InputStream in = PublishedSchemas.class.getResourceAsStream("schemas.json")) {
            if (in == null) {
                throw new IllegalStateException("schemas.json is missing from the bundle");
            }
            List<JsonNode> schemas = new ArrayList<>();
            ((ArrayNode) new ObjectMapper().readTree(in)).forEach(schemas::add);
            return List.copyOf(schemas);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
