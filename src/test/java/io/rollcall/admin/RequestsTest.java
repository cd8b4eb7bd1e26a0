package io.rollcall.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.domain.mapping.ClaimSet;
import io.rollcall.domain.mapping.GroupOverage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestsTest {

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void entrasOverageObjectSurvivesAsANestedClaimThatSignalsTheOverage() {
        JsonObject claims = json("{\"_claim_names\":{\"groups\":\"src1\"},\"_claim_sources\":{\"src1\":"
                + "{\"endpoint\":\"https://graph.microsoft.com/v1.0/users/x/getMemberObjects\"}},\"email\":\"a@b.c\"}");
        @SuppressWarnings("unchecked")
        Map<String, ?> plain = (Map<String, ?>) Requests.plain(claims);
        assertThat(GroupOverage.detect(ClaimSet.fromJwtClaims(plain)))
                .contains(new GroupOverage(GroupOverage.Signal.OIDC_CLAIM_NAMES));
    }

    @Test
    void jsonValuesBecomeTheJavaTypesAJwtLibraryGives() {
        JsonObject claims = json("{\"s\":\"x\",\"n\":3,\"d\":1.5,\"t\":true,\"z\":null,\"a\":[\"g1\",2]}");
        @SuppressWarnings("unchecked")
        Map<String, Object> plain = (Map<String, Object>) Requests.plain(claims);
        assertThat(plain)
                .containsEntry("s", "x")
                .containsEntry("n", BigInteger.valueOf(3))
                .containsEntry("t", true)
                .containsEntry("z", null)
                .containsEntry("a", List.of("g1", BigInteger.TWO));
        assertThat(ClaimSet.fromJwtClaims(plain).values("d")).containsExactly("1.5");
        assertThat(ClaimSet.fromJwtClaims(plain).values("a")).containsExactly("g1", "2");
    }
}
