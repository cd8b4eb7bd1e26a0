package io.rollcall.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkspaceChangedTest {

    /** Every audited action of the use cases that touch members, groups, memberships, roles and SSO. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "member.updated",
                "member.deleted",
                "member.sso-unlinked",
                "member.sso-linked",
                "member.sso-relinked",
                "member.created",
                "invite.accepted",
                "group.created",
                "group.updated",
                "group.deleted",
                "group.member.added",
                "group.member.removed",
                "group.claim-rules.replaced",
                "scim.user.updated",
                "scim.user.deleted",
                "scim.group.created",
                "scim.group.updated",
                "scim.group.deleted",
                "role.created",
                "role.updated",
                "role.deleted",
                "sso.connection.updated",
                "sso.connection.deleted",
                "sso.login",
                "sso.groups-overage",
                "workspace.updated",
                "workspace.created",
                "an.action.added.later"
            })
    void permissionRelevantAndUnknownActionsInvalidate(String action) {
        assertThat(new WorkspaceChanged("ws1", action).changesPermissions()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "scim.user.created",
                "invite.created",
                "invite.sent",
                "invite.resent",
                "invite.revoked",
                "invite.delivery-failed",
                "scim-token.created",
                "scim-token.revoked",
                "signin.link-requested",
                "signin.link-used",
                "signin.refused",
                "sso.login.refused",
                "rate-limit.refused"
            })
    void actionsThatCannotAlterPermissionsKeepTheCache(String action) {
        assertThat(new WorkspaceChanged("ws1", action).changesPermissions()).isFalse();
    }
}
