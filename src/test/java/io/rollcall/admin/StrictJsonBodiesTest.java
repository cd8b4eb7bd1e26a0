package io.rollcall.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictJsonBodiesTest {

    private static Problem refusal(String body, boolean array) {
        return refusal(body.getBytes(StandardCharsets.UTF_8), array);
    }

    /** The refusal as status, code and detail. */
    private record Problem(int status, String code, String detail) {}

    private static Problem refusal(byte[] body, boolean array) {
        StrictJsonBodies.Rejected e =
                catchThrowableOfType(StrictJsonBodies.Rejected.class, () -> StrictJsonBodies.parse(body, array));
        assertThat(e).as("refused").isNotNull();
        return new Problem(e.status(), e.code(), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "true", "\"str\"", "[]", "[{}]", "42"})
    void topLevelValuesOtherThanAnObjectAreRefused(String body) {
        Problem problem = refusal(body, false);
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.code()).isEqualTo("not-an-object");
    }

    @Test
    void bodiesBoundToAListMustBeArrays() {
        assertThat(refusal("{}", true).code()).isEqualTo("not-an-array");
        assertThat(StrictJsonBodies.parse("[{\"claim\":\"groups\"}]".getBytes(StandardCharsets.UTF_8), true)
                        .size())
                .isEqualTo(1);
        assertThat(StrictJsonBodies.expectsArray(List.class)).isTrue();
        assertThat(StrictJsonBodies.expectsArray(JsonArray.class)).isTrue();
        assertThat(StrictJsonBodies.expectsArray(JsonObject.class)).isFalse();
        assertThat(StrictJsonBodies.expectsArray(Requests.CreateGroup.class)).isFalse();
    }

    @Test
    void nestingDeeperThanTheLimitIsAClientErrorNotAStackOverflow() {
        String deep = "{\"a\":" + "[".repeat(1000) + "]".repeat(1000) + "}";
        Problem problem = refusal(deep, false);
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.detail()).contains("deeper than " + StrictJsonBodies.MAX_DEPTH);
        String allowed = "{\"a\":" + "[".repeat(StrictJsonBodies.MAX_DEPTH - 1)
                + "]".repeat(StrictJsonBodies.MAX_DEPTH - 1) + "}";
        assertThat(StrictJsonBodies.parse(allowed.getBytes(StandardCharsets.UTF_8), false)
                        .isObject())
                .isTrue();
    }

    @Test
    void aMemberNamedTwiceIsRefusedAtAnyDepth() {
        assertThat(refusal("{\"name\":\"a\",\"name\":\"b\"}", false).detail()).contains("twice");
        assertThat(refusal("{\"jit\":{\"role\":\"a\",\"role\":\"owner\"}}", false)
                        .detail())
                .contains("twice");
    }

    @Test
    void bodiesOverTheLimitAre413() {
        byte[] big = new byte[StrictJsonBodies.MAX_BYTES + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        Problem problem = refusal(big, false);
        assertThat(problem.status()).isEqualTo(413);
        assertThat(problem.code()).isEqualTo("payload-too-large");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  \n", "{", "{\"a\":1}x", "{'a':1}", "{\"a\":01}", "\"\\ud800\" {}"})
    void emptyTruncatedOrInvalidJsonIsRefusedWithoutEchoingTheParser(String body) {
        Problem problem = refusal(body, false);
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.detail())
                .doesNotContain("jackson")
                .doesNotContain("Exception")
                .doesNotContain("Source");
    }

    @Test
    void aPlainObjectPasses() {
        assertThat(StrictJsonBodies.parse(
                                "{\"name\":\"Acme\",\"jit\":{\"domains\":[\"a.com\"]}}"
                                        .getBytes(StandardCharsets.UTF_8),
                                false)
                        .path("jit")
                        .path("domains")
                        .get(0)
                        .asText())
                .isEqualTo("a.com");
    }
}
