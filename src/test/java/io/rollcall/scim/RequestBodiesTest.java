package io.rollcall.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rollcall.application.scim.ScimProblem;
import org.junit.jupiter.api.Test;

/** Malformed and oversized bodies are client errors with a SCIM type, never a 500 (SCIMple M1 gave 500). */
class RequestBodiesTest {

    @Test
    void malformedJsonIsInvalidSyntax() {
        for (String body : new String[] {"{\"schemas\":", "", "{} trailing", "{\"a\":1,\"a\":2}"}) {
            assertThatThrownBy(() -> RequestBodies.parse(body)).isInstanceOfSatisfying(ScimProblem.class, p -> {
                assertThat(p.status()).isEqualTo(400);
                assertThat(p.scimType()).isEqualTo(ScimProblem.INVALID_SYNTAX);
            });
        }
    }

    @Test
    void oversizedBodiesAre413() {
        String body = "{\"userName\":\"" + "x".repeat(RequestBodies.MAX_BYTES) + "\"}";
        assertThatThrownBy(() -> RequestBodies.parse(body))
                .isInstanceOfSatisfying(
                        ScimProblem.class, p -> assertThat(p.status()).isEqualTo(413));
    }

    @Test
    void wellFormedJsonParses() {
        assertThat(RequestBodies.parse("{\"userName\":\"jörg\"}")
                        .get("userName")
                        .asText())
                .isEqualTo("jörg");
    }

    @Test
    void loneSurrogatesAnywhereInTheBodyAreInvalidValue() {
        // Escapes as JSON text: a high surrogate alone, a low one alone, one in a member name, one deep in an array.
        for (String body : new String[] {
            "{\"userName\":\"a\\ud800\"}",
            "{\"userName\":\"\\udc00b\"}",
            "{\"user\\ud83dName\":\"x\"}",
            "{\"emails\":[{\"value\":\"x\\ud800@y\"}]}",
            "{\"userName\":\"x\",\"name\":{\"givenName\":\"\\ude00\\ud83d\"}}"
        }) {
            assertThatThrownBy(() -> RequestBodies.parse(body))
                    .as(body)
                    .isInstanceOfSatisfying(ScimProblem.class, p -> {
                        assertThat(p.status()).isEqualTo(400);
                        assertThat(p.scimType()).isEqualTo(ScimProblem.INVALID_VALUE);
                    });
        }
        assertThatThrownBy(() -> RequestBodies.requireValidUnicode("userName eq \"\ud800\""))
                .isInstanceOf(ScimProblem.class);
    }

    @Test
    void surrogatePairsAreValid() {
        assertThat(RequestBodies.parse("{\"userName\":\"\\ud83d\\ude00 smile\"}")
                        .get("userName")
                        .asText())
                .isEqualTo("\uD83D\uDE00 smile");
    }
}
