package io.rollcall.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rollcall.it.Api;
import io.rollcall.it.RollcallServer;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document the running bundle serves at {@code /openapi}: YAML as {@code application/yaml}, JSON with
 * {@code ?format=json}, valid for swagger-parser with zero messages, and good enough to generate a client from. The
 * YAML is written to {@code target/openapi/rollcall-admin.yaml}, from which the build (openapi-generator-maven-plugin,
 * phase post-integration-test) generates a Java client and compiles it.
 */
class OpenApiDocumentIT {

    private final RollcallServer server = RollcallServer.shared();
    private final Api anonymous = new Api(server.baseUrl(), null);

    @Test
    void theDocumentIsYamlByDefaultAndJsonOnRequest() {
        Api.Reply yaml = anonymous.send("GET", "/openapi", null, null);
        assertThat(yaml.status()).isEqualTo(200);
        assertThat(yaml.header("Content-Type")).startsWith("application/yaml");
        assertThat(yaml.body()).startsWith("openapi: 3.");

        Api.Reply json = anonymous.send("GET", "/openapi?format=json", null, null);
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.header("Content-Type")).startsWith("application/json");
        assertThat(json.json().get("openapi").asText()).startsWith("3.");
    }

    @Test
    void swaggerParserFindsNoErrorInTheServedDocument() throws Exception {
        String yaml = anonymous.send("GET", "/openapi", null, null).body();
        // For the client generation that follows in the build (and to read when this test fails).
        Path out = Path.of(System.getProperty("rollcall.it.openapiOut", "target/openapi/rollcall-admin.yaml"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, yaml, StandardCharsets.UTF_8);

        SwaggerParseResult result = new OpenAPIParser().readContents(yaml, null, null);
        assertThat(result.getMessages()).as("swagger-parser messages").isEmpty();
        assertThat(result.getOpenAPI()).isNotNull();
        assertThat(result.getOpenAPI().getPaths()).containsKey("/api/v1/workspaces/{ws}/members");
    }

    @Test
    void onlyTheAdminApiIsDescribedWithoutPayaraExtras() {
        JsonNode doc = anonymous.send("GET", "/openapi?format=json", null, null).json();
        Set<String> topLevel = new HashSet<>();
        doc.fieldNames().forEachRemaining(topLevel::add);
        assertThat(topLevel).doesNotContain("endpoints").contains("openapi", "info", "paths", "components");
        doc.get("paths").fieldNames().forEachRemaining(path -> assertThat(path).startsWith("/api/v1/"));
        assertThat(doc.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
    }

    @Test
    void everyOperationHasAUniqueIdATagRealStatusesAndProblemDetailsForErrors() {
        JsonNode doc = anonymous.send("GET", "/openapi?format=json", null, null).json();
        Set<String> ids = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (!Set.of("get", "put", "post", "delete", "patch").contains(op.getKey())) {
                    continue;
                }
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode operation = op.getValue();
                String id = operation.path("operationId").asText();
                if (!ids.add(id) || !id.matches("[a-z][A-Za-z]+")) {
                    problems.add(where + ": operationId '" + id + "' is duplicate or not camelCase");
                }
                if (operation.path("tags").isEmpty()) {
                    problems.add(where + ": no tag");
                }
                JsonNode responses = operation.get("responses");
                if (responses.has("default")) {
                    problems.add(where + ": a 'default' response");
                }
                List<String> codes = new ArrayList<>();
                responses.fieldNames().forEachRemaining(codes::add);
                if (codes.stream().noneMatch(c -> c.startsWith("2"))) {
                    problems.add(where + ": no success status");
                }
                if (!responses.has("401")) {
                    problems.add(where + ": no 401");
                }
                responses.properties().forEach(r -> {
                    if (r.getKey().startsWith("4") || r.getKey().startsWith("5")) {
                        String ref = r.getValue()
                                .at("/content/application~1problem+json/schema/$ref")
                                .asText();
                        if (!ref.equals("#/components/schemas/Problem")) {
                            problems.add(where + " " + r.getKey() + ": not a problem-details body");
                        }
                    }
                });
            }
        }
        assertThat(problems).isEmpty();
        assertThat(ids).contains("listMembers", "createWorkspace", "checkPermission", "addGroupMember");
        assertThat(doc.at("/paths/~1api~1v1~1workspaces/post/responses/201/content/application~1json/schema/$ref")
                        .asText())
                .isEqualTo("#/components/schemas/WorkspaceView");
        assertThat(doc.at("/paths/~1api~1v1~1workspaces~1{ws}~1members~1{id}/delete/responses/204")
                        .isMissingNode())
                .isFalse();
        assertThat(doc.at("/components/schemas/Problem/properties/requestId/type")
                        .asText())
                .isEqualTo("string");
        // Instants are ISO 8601 strings on the wire (mp.openapi.schema.java.time.Instant).
        assertThat(doc.at("/components/schemas/WorkspaceView/properties/createdAt/$ref")
                        .asText())
                .isEqualTo("#/components/schemas/Instant");
        assertThat(doc.at("/components/schemas/Instant/format").asText()).isEqualTo("date-time");
        assertThat(doc.at("/paths/~1api~1v1~1workspaces~1{ws}~1authz~1check/post/requestBody/content/application~1json"
                                + "/examples/example/value")
                        .toString())
                .contains("secrets:read");
    }
}
