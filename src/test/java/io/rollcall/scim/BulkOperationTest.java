package io.rollcall.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rollcall.application.scim.ScimProblem;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BulkOperationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void findsAndSubstitutesReferencesInDataAndPath() throws Exception {
        BulkOperation operation = BulkOperation.parse(
                0,
                json("{'method':'patch','path':'/Groups/bulkId:g1',"
                        + "'data':{'Operations':[{'op':'add','path':'members','value':[{'value':'bulkId:u1'},"
                        + "{'value':'bulkId:u2'},{'value':'plain'}]}]}}"));
        assertThat(operation.method()).isEqualTo("PATCH");
        assertThat(operation.references()).containsExactly("g1", "u1", "u2");

        BulkOperation resolved = operation.resolve(Map.of("g1", "G", "u1", "U1", "u2", "U2"));
        assertThat(resolved.path()).isEqualTo("/Groups/G");
        assertThat(resolved.data().toString())
                .contains("\"U1\"", "\"U2\"", "\"plain\"")
                .doesNotContain("bulkId:");
        assertThat(operation.data().toString()).contains("bulkId:u1");
    }

    @Test
    void malformedOperationsAreRefusedOneByOne() throws Exception {
        assertThatThrownBy(() -> BulkOperation.parse(0, json("{'method':'POST','path':'/Users','data':{}}")))
                .isInstanceOfSatisfying(
                        ScimProblem.class, p -> assertThat(p.getMessage()).contains("bulkId"));
        assertThatThrownBy(() -> BulkOperation.parse(0, json("{'method':'GET','path':'/Users'}")))
                .isInstanceOfSatisfying(
                        ScimProblem.class, p -> assertThat(p.scimType()).isEqualTo("invalidValue"));
        assertThatThrownBy(() -> BulkOperation.parse(0, json("{'method':'PUT','path':'/Users/x'}")))
                .isInstanceOf(ScimProblem.class);
        assertThatThrownBy(() -> BulkOperation.parse(0, json("[]"))).isInstanceOf(ScimProblem.class);
        assertThat(BulkOperation.parse(0, json("{'method':'DELETE','path':'/Users/x'}"))
                        .references())
                .isEmpty();
        assertThatThrownBy(() -> BulkOperation.operations(json("{'Operations':{}}")))
                .isInstanceOfSatisfying(
                        ScimProblem.class, p -> assertThat(p.scimType()).isEqualTo("invalidSyntax"));
    }
}
