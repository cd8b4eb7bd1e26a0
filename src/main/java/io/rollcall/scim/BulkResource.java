package io.rollcall.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rollcall.application.scim.ScimProblem;
import io.rollcall.scim.patch.JsonFields;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /Bulk} (RFC 7644 section 3.7). Each operation runs through the same resource methods as a single
 * request, in its own transaction (bulk is not atomic: RFC 7644 allows that, and a failed operation leaves the
 * earlier ones in place). Operations that refer to a {@code bulkId} not yet created wait until it is; references to
 * unknown, failed or circular bulkIds fail with 409. Processing stops after {@code failOnErrors} errors.
 */
@Path("Bulk")
@RequestScoped
@Produces({ScimMediaTypes.SCIM_JSON, MediaType.APPLICATION_JSON})
@Consumes({ScimMediaTypes.SCIM_JSON, MediaType.APPLICATION_JSON})
public class BulkResource {

    public static final int MAX_OPERATIONS = 1000;
    public static final int MAX_PAYLOAD_BYTES = RequestBodies.MAX_BYTES;
    static final String RESPONSE_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:BulkResponse";

    private final UsersResource users;
    private final GroupsResource groups;
    private final ScimExceptionMapper errors = new ScimExceptionMapper();

    @Inject
    public BulkResource(UsersResource users, GroupsResource groups) {
        this.users = users;
        this.groups = groups;
    }

    /** For CDI proxies only. */
    protected BulkResource() {
        this(null, null);
    }

    @POST
    public Response bulk(String body, @Context UriInfo uri) {
        if (body != null && body.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
            throw new ScimProblem(
                    413,
                    ScimProblem.TOO_MANY,
                    "the bulk request is larger than maxPayloadSize (" + MAX_PAYLOAD_BYTES + " bytes)");
        }
        JsonNode request = RequestBodies.parse(body);
        List<JsonNode> raw = new ArrayList<>();
        for (Iterator<JsonNode> it = BulkOperation.operations(request); it.hasNext(); ) {
            raw.add(it.next());
        }
        if (raw.size() > MAX_OPERATIONS) {
            throw new ScimProblem(
                    413,
                    ScimProblem.TOO_MANY,
                    "the bulk request has " + raw.size() + " operations; maxOperations is " + MAX_OPERATIONS);
        }
        int failOnErrors = failOnErrors(request);
        Run run = new Run(failOnErrors, ScimUris.base(uri), uri);
        run.execute(raw);
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.putArray("schemas").add(RESPONSE_SCHEMA);
        ArrayNode operations = response.putArray("Operations");
        run.results.forEach(operations::add);
        return Response.ok(response).type(ScimMediaTypes.SCIM_JSON).build();
    }

    private static int failOnErrors(JsonNode request) {
        JsonNode value = JsonFields.get(request, "failOnErrors");
        if (value == null || value.isNull()) {
            return Integer.MAX_VALUE;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 1) {
            throw ScimProblem.badRequest(ScimProblem.INVALID_VALUE, "failOnErrors must be a positive integer");
        }
        return value.asInt();
    }

    /** The state of one bulk request: created ids by bulkId, results, error count. */
    private final class Run {
        private final int failOnErrors;
        private final String base;
        private final UriInfo uri;
        private final Map<String, String> created = new HashMap<>();
        private final Set<String> failed = new HashSet<>();
        private final List<ObjectNode> results = new ArrayList<>();
        private int errorCount;

        Run(int failOnErrors, String base, UriInfo uri) {
            this.failOnErrors = failOnErrors;
            this.base = base;
            this.uri = uri;
        }

        void execute(List<JsonNode> raw) {
            List<BulkOperation> pending = new ArrayList<>();
            Set<String> declared = new HashSet<>();
            for (int i = 0; i < raw.size(); i++) {
                try {
                    BulkOperation operation = BulkOperation.parse(i, raw.get(i));
                    if (operation.bulkId() != null && !declared.add(operation.bulkId())) {
                        throw ScimProblem.badRequest(
                                ScimProblem.INVALID_VALUE, "bulkId " + operation.bulkId() + " is used twice");
                    }
                    pending.add(operation);
                } catch (ScimProblem problem) {
                    if (!fail(BulkOperation.unparsable(i, raw.get(i)), errors.toResponse(problem))) {
                        return;
                    }
                }
            }
            boolean progress = true;
            while (!pending.isEmpty() && progress) {
                progress = false;
                for (Iterator<BulkOperation> it = pending.iterator(); it.hasNext(); ) {
                    BulkOperation operation = it.next();
                    String missing = firstUnresolved(operation);
                    if (missing != null && !failed.contains(missing) && declared.contains(missing)) {
                        continue; // created by a later operation: wait for it
                    }
                    it.remove();
                    progress = true;
                    boolean goOn = missing == null
                            ? run(operation)
                            : fail(
                                    operation,
                                    ScimErrors.response(
                                            409,
                                            ScimProblem.INVALID_VALUE,
                                            "bulkId " + missing + " does not name a successfully created resource"));
                    if (!goOn) {
                        return;
                    }
                }
            }
            for (BulkOperation circular : pending) {
                if (!fail(circular, ScimErrors.response(409, ScimProblem.INVALID_VALUE, "circular bulkId reference"))) {
                    return;
                }
            }
        }

        private String firstUnresolved(BulkOperation operation) {
            for (String reference : operation.references()) {
                if (!created.containsKey(reference)) {
                    return reference;
                }
            }
            return null;
        }

        /** Runs one operation; false when failOnErrors is reached. */
        private boolean run(BulkOperation unresolved) {
            BulkOperation operation = unresolved.resolve(created);
            Response response;
            try {
                response = dispatch(operation);
            } catch (RuntimeException e) {
                response = errors.toResponse(e);
            }
            if (response.getStatus() >= 400) {
                return fail(operation, response);
            }
            ObjectNode result = entry(operation, response.getStatus());
            String location = response.getLocation() != null
                    ? response.getLocation().toString()
                    : base + stripSlash(operation.path());
            result.put("location", location);
            if (response.getEntityTag() != null) {
                result.put(
                        "version",
                        (response.getEntityTag().isWeak() ? "W/" : "") + "\""
                                + response.getEntityTag().getValue() + "\"");
            }
            if (operation.method().equals("POST")
                    && response.getEntity() instanceof JsonNode json
                    && json.hasNonNull("id")) {
                created.put(operation.bulkId(), json.get("id").asText());
            }
            results.add(result);
            return true;
        }

        private boolean fail(BulkOperation operation, Response response) {
            if (operation.bulkId() != null) {
                failed.add(operation.bulkId());
            }
            ObjectNode result = entry(operation, response.getStatus());
            if (response.getEntity() instanceof JsonNode body) {
                result.set("response", body);
            }
            results.add(result);
            errorCount++;
            return errorCount < failOnErrors;
        }

        private ObjectNode entry(BulkOperation operation, int status) {
            ObjectNode result = JsonNodeFactory.instance.objectNode();
            if (operation.method() != null) {
                result.put("method", operation.method());
            }
            if (operation.bulkId() != null) {
                result.put("bulkId", operation.bulkId());
            }
            result.put("status", Integer.toString(status));
            return result;
        }

        private Response dispatch(BulkOperation operation) {
            String[] parts = stripSlash(operation.path()).split("/", -1);
            String type = parts[0];
            String id = parts.length == 2 && !parts[1].isBlank() ? parts[1] : null;
            if (parts.length > 2 || (!type.equals("Users") && !type.equals("Groups"))) {
                throw new ScimProblem(404, null, "bulk operations address /Users and /Groups only");
            }
            boolean isUsers = type.equals("Users");
            String data = operation.data() == null ? null : operation.data().toString();
            if (operation.method().equals("POST")) {
                if (id != null) {
                    throw new ScimProblem(405, null, "POST goes to /" + type);
                }
                return isUsers ? users.create(data, null, null, uri) : groups.create(data, null, null, uri);
            }
            if (id == null) {
                throw new ScimProblem(405, null, operation.method() + " needs /" + type + "/{id}");
            }
            return switch (operation.method()) {
                case "PUT" ->
                    isUsers
                            ? users.replace(id, data, operation.version(), uri)
                            : groups.replace(id, data, operation.version(), uri);
                case "PATCH" ->
                    isUsers
                            ? users.patch(id, data, operation.version(), null, null, uri)
                            : groups.patch(id, data, operation.version(), null, null, uri);
                default -> isUsers ? users.delete(id, operation.version()) : groups.delete(id, operation.version());
            };
        }
    }

    private static String stripSlash(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }
}
