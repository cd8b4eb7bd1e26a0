package io.rollcall.domain.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClaimSetTest {

    @Test
    void jwtClaimsAcceptStringsArraysNumbersAndBooleans() {
        Map<String, Object> jwt = new LinkedHashMap<>();
        jwt.put("email", "ada@example.com");
        jwt.put("groups", List.of("/engineering", "/sales"));
        jwt.put("level", 3);
        jwt.put("email_verified", true);
        jwt.put("nothing", null);
        jwt.put("mixed", Arrays.asList("a", 1, null, List.of("nested"), Map.of("k", "v")));

        ClaimSet claims = ClaimSet.fromJwtClaims(jwt);

        assertThat(claims.values("email")).containsExactly("ada@example.com");
        assertThat(claims.values("groups")).containsExactly("/engineering", "/sales");
        assertThat(claims.values("level")).containsExactly("3");
        assertThat(claims.values("email_verified")).containsExactly("true");
        assertThat(claims.values("mixed")).containsExactly("a", "1");
        assertThat(claims.has("nothing")).isFalse();
        assertThat(claims.values("absent")).isEmpty();
    }

    @Test
    void nestedObjectsAreReachableByDottedPathButLiteralNamesWin() {
        Map<String, Object> jwt = new LinkedHashMap<>();
        jwt.put("realm_access", Map.of("roles", List.of("admin", "user")));
        jwt.put("a", Map.of("b", "nested"));
        jwt.put("a.b", "literal");

        ClaimSet claims = ClaimSet.fromJwtClaims(jwt);

        assertThat(claims.values("realm_access.roles")).containsExactly("admin", "user");
        assertThat(claims.values("a.b")).containsExactly("literal");
    }

    @Test
    void samlAttributesKeepAllValues() {
        ClaimSet claims = ClaimSet.of(Map.of("groups", List.of("/a", "/b")));
        assertThat(claims.values("groups")).containsExactly("/a", "/b");
        assertThat(claims.values("GROUPS")).isEmpty();
    }

    @Test
    void toStringHidesValues() {
        assertThat(ClaimSet.of(Map.of("email", List.of("secret@example.com"))).toString())
                .doesNotContain("secret");
    }
}
