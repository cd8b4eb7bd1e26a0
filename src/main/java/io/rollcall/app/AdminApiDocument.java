package io.rollcall.app;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * Turns what Payara's scanner finds into a valid OpenAPI 3.0 document of the admin API ({@code /api/v1}), for every
 * resource method, including ones added later without thought for the document:
 * <ul>
 * <li>only {@code /api/} paths: SCIM ({@code /scim/v2}, RFC 7644 describes it and serves its own discovery), SSO
 * browser redirects and the JWKS are no integration API and would only confuse a generated client;</li>
 * <li>Payara's top-level {@code endpoints} map, which is not OpenAPI, is removed;</li>
 * <li>an operation without a tag gets the resource's tag from its path ({@code /api/v1/workspaces/{ws}/groups/...}
 * is {@code groups});</li>
 * <li>an operation without an {@code operationId} (or with one already used) gets one from its method and path, so
 * ids are unique;</li>
 * <li>the scanner's catch-all {@code default} response becomes {@code 200} unless the method declares its success
 * codes, and every operation gets the error statuses it can answer with an RFC 9457 problem-details body
 * ({@code components.schemas.Problem}).</li>
 * </ul>
 * Resource methods still state their own {@code operationId}, summary and success responses with MicroProfile OpenAPI
 * annotations; this filter only fills in what is the same for all of them. Registered as {@code mp.openapi.filter}.
 */
public class AdminApiDocument implements OASFilter {

    static final String API_PREFIX = "/api/";
    static final String PROBLEM_SCHEMA = "Problem";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM_SCHEMA;
    private static final String PROBLEM_MEDIA_TYPE = "application/problem+json";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        dropPayaraEndpointsMap(openAPI);
        if (openAPI.getPaths() == null) {
            return;
        }
        Map<String, PathItem> kept = new LinkedHashMap<>();
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith(API_PREFIX)) {
                kept.put(path, item);
            }
        });
        openAPI.getPaths().setPathItems(kept);
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(PROBLEM_SCHEMA, problemSchema());

        Set<String> usedIds = new HashSet<>();
        Set<String> tags = new TreeSet<>();
        kept.forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            if (operation.getTags() == null || operation.getTags().isEmpty()) {
                operation.addTag(tagOf(path));
            }
            tags.addAll(operation.getTags());
            String id = operation.getOperationId();
            if (id == null || id.isBlank() || usedIds.contains(id)) {
                id = uniqueId(derivedId(method, path), usedIds);
                operation.setOperationId(id);
            }
            usedIds.add(id);
            completeResponses(method, path, operation);
        }));
        Set<String> declared = new HashSet<>();
        if (openAPI.getTags() != null) {
            openAPI.getTags().forEach(t -> declared.add(t.getName()));
        }
        for (String tag : tags) {
            if (!declared.contains(tag)) {
                openAPI.addTag(OASFactory.createTag().name(tag));
            }
        }
        sortTags(openAPI);
    }

    /**
     * Payara adds a non-standard {@code endpoints} member to its model (OpenAPIImpl#setEndpoints); validators reject
     * it. There is no API for it, so it is emptied reflectively where present (Payara's clone needs a map, not null;
     * an empty one is not written) and left alone elsewhere.
     */
    private static void dropPayaraEndpointsMap(OpenAPI openAPI) {
        try {
            openAPI.getClass().getMethod("setEndpoints", Map.class).invoke(openAPI, new LinkedHashMap<>());
        } catch (ReflectiveOperationException | RuntimeException notPayara) {
            // Another implementation: nothing to remove.
        }
    }

    /** One tag per name (two resource classes may share one, e.g. {@code invites}), sorted by name. */
    private static void sortTags(OpenAPI openAPI) {
        Map<String, Tag> byName = new TreeMap<>();
        for (Tag tag : openAPI.getTags()) {
            Tag seen = byName.get(tag.getName());
            if (seen == null || seen.getDescription() == null) {
                byName.put(tag.getName(), tag);
            }
        }
        openAPI.setTags(new ArrayList<>(byName.values()));
    }

    /**
     * Payara writes every attribute of a {@code @Schema}/{@code @SchemaProperty} annotation, defaults included:
     * {@code multipleOf: 0} (invalid: it must be positive), {@code maxProperties: 0} (which would forbid every
     * property), and {@code false}/{@code 0} for the rest. None of those defaults states a constraint, so they are
     * dropped, leaving what the annotation really said.
     */
    @Override
    public Schema filterSchema(Schema schema) {
        if (schema.getMultipleOf() != null && schema.getMultipleOf().signum() <= 0) {
            schema.setMultipleOf(null);
        }
        dropUnstated(schema.getMaxProperties(), 0, schema::setMaxProperties);
        dropUnstated(schema.getMinProperties(), 0, schema::setMinProperties);
        dropUnstated(schema.getMinLength(), 0, schema::setMinLength);
        dropUnstated(schema.getMaxLength(), 0, schema::setMaxLength);
        dropUnstated(schema.getMaxItems(), 0, schema::setMaxItems);
        dropUnstated(schema.getMinItems(), 0, schema::setMinItems);
        dropUnstated(schema.getExclusiveMaximum(), Boolean.FALSE, schema::setExclusiveMaximum);
        dropUnstated(schema.getExclusiveMinimum(), Boolean.FALSE, schema::setExclusiveMinimum);
        dropUnstated(schema.getUniqueItems(), Boolean.FALSE, schema::setUniqueItems);
        dropUnstated(schema.getNullable(), Boolean.FALSE, schema::setNullable);
        dropUnstated(schema.getReadOnly(), Boolean.FALSE, schema::setReadOnly);
        dropUnstated(schema.getWriteOnly(), Boolean.FALSE, schema::setWriteOnly);
        dropUnstated(schema.getDeprecated(), Boolean.FALSE, schema::setDeprecated);
        return schema;
    }

    /** {@code /api/v1/workspaces/{ws}/scim-tokens/{id}} is {@code scim-tokens}, {@code /api/v1/me/tokens} {@code me}. */
    static String tagOf(String path) {
        String[] segments = path.substring(API_PREFIX.length()).split("/");
        // segments[0] is the version ("v1"); a workspace-scoped path names its resource after "{ws}".
        if (segments.length > 3 && "workspaces".equals(segments[1]) && segments[2].startsWith("{")) {
            return segments[3];
        }
        return segments.length > 1 ? segments[1] : segments[0];
    }

    /** {@code GET /api/v1/workspaces/{ws}/groups/{id}/members} is {@code getWorkspacesGroupsMembers}. */
    static String derivedId(PathItem.HttpMethod method, String path) {
        StringBuilder id = new StringBuilder(method.name().toLowerCase(Locale.ROOT));
        String[] segments = path.substring(API_PREFIX.length()).split("/");
        for (int i = 1; i < segments.length; i++) {
            String s = segments[i];
            if (s.isEmpty() || s.startsWith("{")) {
                continue;
            }
            for (String word : s.split("[^A-Za-z0-9]+")) {
                if (!word.isEmpty()) {
                    id.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
                }
            }
        }
        return id.toString();
    }

    private static String uniqueId(String base, Set<String> used) {
        String id = base;
        for (int n = 2; used.contains(id); n++) {
            id = base + n;
        }
        return id;
    }

    private static void completeResponses(PathItem.HttpMethod method, String path, Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        APIResponse fallback = responses.getAPIResponse(APIResponses.DEFAULT);
        boolean hasSuccess = responses.getAPIResponses().keySet().stream().anyMatch(code -> code.startsWith("2"));
        if (fallback != null) {
            // Removed, not set to null: Payara's writer fails on a null entry.
            responses.removeAPIResponse(APIResponses.DEFAULT);
            if (!hasSuccess) {
                responses.addAPIResponse("200", fallback.description("OK"));
            }
        }
        boolean writes = method != PathItem.HttpMethod.GET;
        boolean takesInput = operation.getRequestBody() != null
                || (operation.getParameters() != null
                        && operation.getParameters().stream()
                                .anyMatch(p -> p.getIn() != null
                                        && "query".equals(p.getIn().toString())));
        addProblem(
                responses, "400", "The request is malformed or a field is invalid (see 'field')", takesInput || writes);
        addProblem(responses, "401", "No valid bearer token", true);
        addProblem(
                responses, "403", "The caller lacks the permission this needs in the workspace", path.contains("{ws}"));
        addProblem(
                responses,
                "404",
                "The workspace or resource does not exist, or is not visible to the caller",
                path.contains("{"));
        addProblem(
                responses, "409", "The change conflicts with the current state (see 'code', e.g. last-owner)", writes);
        addProblem(responses, "500", "Rollcall failed; the log has the detail under 'requestId'", true);
    }

    private static void addProblem(APIResponses responses, String status, String description, boolean applies) {
        if (!applies || responses.hasAPIResponse(status)) {
            return;
        }
        responses.addAPIResponse(
                status,
                OASFactory.createAPIResponse()
                        .description(description)
                        .content(OASFactory.createContent()
                                .addMediaType(
                                        PROBLEM_MEDIA_TYPE,
                                        OASFactory.createMediaType()
                                                .schema(OASFactory.createSchema()
                                                        .ref(PROBLEM_REF)))));
    }

    /** The JSON shape of {@code io.rollcall.admin.Problem} (RFC 9457 §3 members plus Rollcall's). */
    private static Schema problemSchema() {
        return OASFactory.createSchema()
                .type(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details")
                .addRequired("type")
                .addRequired("title")
                .addRequired("status")
                .addRequired("code")
                .addRequired("requestId")
                .addProperty("type", string("URI of the problem type, https://rollcall.dev/problems/<code>"))
                .addProperty("title", string("HTTP reason phrase"))
                .addProperty(
                        "status",
                        OASFactory.createSchema()
                                .type(Schema.SchemaType.INTEGER)
                                .format("int32")
                                .description("HTTP status"))
                .addProperty("detail", string("What is wrong, for a person"))
                .addProperty("code", string("Stable machine-readable reason, e.g. last-owner"))
                .addProperty("field", string("The offending input field, where there is one"))
                .addProperty("requestId", string("Ties the answer to the server's log lines"));
    }

    private static <T> void dropUnstated(T value, T annotationDefault, Consumer<T> setter) {
        if (annotationDefault.equals(value)) {
            setter.accept(null);
        }
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().type(Schema.SchemaType.STRING).description(description);
    }
}
