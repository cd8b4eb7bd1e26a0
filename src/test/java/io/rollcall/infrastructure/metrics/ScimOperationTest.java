package io.rollcall.infrastructure.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScimOperationTest {

    @Test
    void operationsAreNamedFromTheRouteTemplateAndMethod() {
        assertThat(ScimOperation.of("/scim/v2/Users", "POST", 201))
                .contains(new ScimOperation("Users", "create", "success"));
        assertThat(ScimOperation.of("/scim/v2/Users", "GET", 200))
                .contains(new ScimOperation("Users", "list", "success"));
        assertThat(ScimOperation.of("/scim/v2/Groups/{id}", "PATCH", 409))
                .contains(new ScimOperation("Groups", "patch", "conflict"));
        assertThat(ScimOperation.of("/scim/v2/Users/{id}", "PUT", 412))
                .contains(new ScimOperation("Users", "replace", "precondition-failed"));
        assertThat(ScimOperation.of("/scim/v2/Users/{id}", "DELETE", 404))
                .contains(new ScimOperation("Users", "delete", "not-found"));
        assertThat(ScimOperation.of("/scim/v2/Users/.search", "POST", 400))
                .contains(new ScimOperation("Users", "search", "invalid"));
        assertThat(ScimOperation.of("/scim/v2/.search", "POST", 200))
                .contains(new ScimOperation("root", "search", "success"));
        assertThat(ScimOperation.of("/scim/v2/Bulk", "POST", 200))
                .contains(new ScimOperation("Bulk", "bulk", "success"));
        assertThat(ScimOperation.of("/scim/v2/Groups/{id}", "GET", 401))
                .contains(new ScimOperation("Groups", "get", "unauthenticated"));
    }

    @Test
    void routesOutsideScimAndUnmatchedRequestsAreNoScimOperation() {
        assertThat(ScimOperation.of("/api/v1/workspaces", "GET", 200)).isEmpty();
        assertThat(ScimOperation.of("unmatched", "GET", 404)).isEmpty();
        assertThat(ScimOperation.of("/scim/v2x/Users", "GET", 200)).isEmpty();
        assertThat(ScimOperation.of(null, "GET", 200)).isEmpty();
    }

    @Test
    void statusesMapToABoundedSetOfOutcomes() {
        assertThat(ScimOperation.outcomeOf(204)).isEqualTo("success");
        assertThat(ScimOperation.outcomeOf(304)).isEqualTo("success");
        assertThat(ScimOperation.outcomeOf(429)).isEqualTo("rate-limited");
        assertThat(ScimOperation.outcomeOf(413)).isEqualTo("too-large");
        assertThat(ScimOperation.outcomeOf(418)).isEqualTo("client-error");
        assertThat(ScimOperation.outcomeOf(501)).isEqualTo("not-implemented");
        assertThat(ScimOperation.outcomeOf(503)).isEqualTo("error");
    }
}
