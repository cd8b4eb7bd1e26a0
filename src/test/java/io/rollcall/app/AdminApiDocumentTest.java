package io.rollcall.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.microprofile.openapi.models.PathItem.HttpMethod;
import org.junit.jupiter.api.Test;

/** The generic naming rules that describe endpoints added without OpenAPI annotations. */
class AdminApiDocumentTest {

    @Test
    void workspaceScopedPathsAreTaggedWithTheResourceAfterTheWorkspace() {
        assertThat(AdminApiDocument.tagOf("/api/v1/workspaces/{ws}/scim-tokens/{id}"))
                .isEqualTo("scim-tokens");
        assertThat(AdminApiDocument.tagOf("/api/v1/workspaces/{ws}/groups/{id}/members"))
                .isEqualTo("groups");
        assertThat(AdminApiDocument.tagOf("/api/v1/workspaces/{ws}")).isEqualTo("workspaces");
        assertThat(AdminApiDocument.tagOf("/api/v1/me/tokens")).isEqualTo("me");
        assertThat(AdminApiDocument.tagOf("/api/v1/invites/accept")).isEqualTo("invites");
    }

    @Test
    void derivedOperationIdsJoinTheMethodAndTheLiteralPathSegmentsInCamelCase() {
        assertThat(AdminApiDocument.derivedId(HttpMethod.GET, "/api/v1/workspaces/{ws}/groups/{id}/claim-rules"))
                .isEqualTo("getWorkspacesGroupsClaimRules");
        assertThat(AdminApiDocument.derivedId(HttpMethod.POST, "/api/v1/workspaces/{ws}/invites/{id}/resend"))
                .isEqualTo("postWorkspacesInvitesResend");
        assertThat(AdminApiDocument.derivedId(HttpMethod.DELETE, "/api/v1/me/tokens/{id}"))
                .isEqualTo("deleteMeTokens");
    }
}
