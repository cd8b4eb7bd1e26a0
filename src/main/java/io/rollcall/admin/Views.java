package io.rollcall.admin;

import io.rollcall.application.AccountService;
import io.rollcall.application.AuthzService;
import io.rollcall.domain.audit.AuditEvent;
import io.rollcall.domain.group.Group;
import io.rollcall.domain.group.GroupClaimRule;
import io.rollcall.domain.identity.ApiToken;
import io.rollcall.domain.identity.Invite;
import io.rollcall.domain.identity.Member;
import io.rollcall.domain.identity.ScimToken;
import io.rollcall.domain.rbac.EffectivePermissions;
import io.rollcall.domain.rbac.Grant;
import io.rollcall.domain.rbac.Permission;
import io.rollcall.domain.rbac.Role;
import io.rollcall.domain.shared.Page;
import io.rollcall.domain.workspace.Workspace;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** The JSON shapes the admin API answers with, and how domain objects become them. Nothing secret is in any view. */
public final class Views {

    private Views() {}

    public record PageView<T>(List<T> items, int page, int size, long total) {
        static <D, V> PageView<V> of(Page<D> page, io.rollcall.application.PageRequest request, Function<D, V> view) {
            return new PageView<>(
                    page.items().stream().map(view).toList(), request.page(), request.size(), page.total());
        }
    }

    public record PermissionView(String id, String description) {
        static PermissionView of(Permission p) {
            return new PermissionView(p.value(), p.description());
        }
    }

    public record JitView(boolean enabled, Set<String> domains, String role) {}

    public record ScimSettingsView(String defaultRole) {}

    public record WorkspaceView(
            String id,
            String name,
            JitView jit,
            ScimSettingsView scim,
            SsoSettingsView sso,
            Instant createdAt,
            Instant updatedAt) {
        static WorkspaceView of(Workspace w) {
            return new WorkspaceView(
                    w.id(),
                    w.name(),
                    new JitView(w.jitEnabled(), w.jitDomains(), w.jitRoleId()),
                    new ScimSettingsView(w.scimDefaultRoleId()),
                    new SsoSettingsView(w.ssoRequired()),
                    w.createdAt(),
                    w.updatedAt());
        }
    }

    /** {@code sso.required}: e-mail sign-in refused except for break-glass owners. */
    public record SsoSettingsView(boolean required) {}

    /** A member; {@code groups} (display names) is filled in lists only, and null elsewhere. */
    public record MemberView(
            String id,
            String workspace,
            String userName,
            String displayName,
            String email,
            String role,
            boolean active,
            String origin,
            String externalId,
            boolean breakGlass,
            Instant createdAt,
            Instant updatedAt,
            List<String> groups) {
        static MemberView of(Member m) {
            return of(m, null);
        }

        static MemberView of(Member m, List<String> groups) {
            return new MemberView(
                    m.id(),
                    m.workspaceId(),
                    m.userName(),
                    m.displayName(),
                    m.primaryEmail(),
                    m.roleId(),
                    m.active(),
                    m.origin().name(),
                    m.externalId(),
                    m.breakGlass(),
                    m.createdAt(),
                    m.updatedAt(),
                    groups);
        }
    }

    public record AccountView(String id, String email, String displayName, Instant createdAt) {}

    public record MeView(AccountView account, List<MemberView> memberships) {
        static MeView of(AccountService.Me me) {
            return new MeView(
                    new AccountView(
                            me.account().id(),
                            me.account().email(),
                            me.account().displayName(),
                            me.account().createdAt()),
                    me.memberships().stream().map(MemberView::of).toList());
        }
    }

    public record GrantView(String type, String id, String name, String role) {
        static GrantView of(Grant g) {
            return new GrantView(g.kind().name().toLowerCase(java.util.Locale.ROOT), g.id(), g.name(), g.roleId());
        }
    }

    public record PermissionGrantView(String permission, List<GrantView> grantedBy) {}

    public record MemberPermissionsView(String member, boolean active, List<PermissionGrantView> permissions) {
        static MemberPermissionsView of(Member m, EffectivePermissions effective) {
            return new MemberPermissionsView(
                    m.id(),
                    m.active(),
                    effective.asMap().entrySet().stream()
                            .map(e -> new PermissionGrantView(
                                    e.getKey().value(),
                                    e.getValue().stream().map(GrantView::of).toList()))
                            .toList());
        }
    }

    /** {@code {allowed, grantedBy, reason}}; {@code reason} only on a denial. */
    public record DecisionView(boolean allowed, List<GrantView> grantedBy, String reason) {
        static DecisionView of(AuthzService.Decision d) {
            return new DecisionView(
                    d.allowed(),
                    d.grantedBy().stream().map(GrantView::of).toList(),
                    d.reason() == null ? null : d.reason().code());
        }
    }

    public record RoleView(
            String id,
            String name,
            String description,
            boolean preset,
            Set<String> permissions,
            Instant createdAt,
            Instant updatedAt) {
        static RoleView of(Role r) {
            return new RoleView(
                    r.id(),
                    r.name(),
                    r.description(),
                    r.isPreset(),
                    r.permissionValues(),
                    r.createdAt(),
                    r.updatedAt());
        }
    }

    public record GroupView(
            String id,
            String name,
            String description,
            String membershipType,
            String role,
            String origin,
            Instant createdAt,
            Instant updatedAt) {
        static GroupView of(Group g) {
            return new GroupView(
                    g.id(),
                    g.displayName(),
                    g.description(),
                    g.membershipType().name(),
                    g.roleId(),
                    g.origin().name(),
                    g.createdAt(),
                    g.updatedAt());
        }
    }

    public record GroupMemberView(String memberId, String userName, String source, Instant since) {
        static GroupMemberView of(io.rollcall.domain.group.MembershipEntry e) {
            return new GroupMemberView(e.memberId(), e.userName(), e.source().name(), e.since());
        }
    }

    public record ClaimRuleView(String claim, String match, String value) {
        static ClaimRuleView of(GroupClaimRule r) {
            return new ClaimRuleView(r.claim(), r.matchType(), r.value());
        }
    }

    /**
     * An invite. {@code delivery} is {@code {state: queued|sent|failed, detail, at}} when the invite was e-mailed
     * ({@code detail} is the SMTP server's reason of the last failure), null when e-mail is off. {@code token} and
     * {@code acceptUrl} appear only in create and resend answers, and only when e-mail is off: otherwise the link
     * went to the invited address alone.
     */
    public record InviteView(
            String id,
            String email,
            String role,
            String state,
            Instant expiresAt,
            Instant createdAt,
            Instant acceptedAt,
            String memberId,
            DeliveryView delivery,
            String token,
            String acceptUrl) {
        static InviteView of(Invite i, Instant now) {
            return new InviteView(
                    i.id(),
                    i.email(),
                    i.roleId(),
                    i.stateAt(now).name(),
                    i.expiresAt(),
                    i.createdAt(),
                    i.acceptedAt(),
                    i.acceptedMemberId(),
                    DeliveryView.of(i),
                    null,
                    null);
        }

        static InviteView issued(io.rollcall.application.invite.InviteService.Issued issued, Instant now) {
            InviteView view = of(issued.invite(), now);
            if (issued.emailed()) {
                return view;
            }
            return new InviteView(
                    view.id(),
                    view.email(),
                    view.role(),
                    view.state(),
                    view.expiresAt(),
                    view.createdAt(),
                    view.acceptedAt(),
                    view.memberId(),
                    view.delivery(),
                    issued.token(),
                    issued.acceptUrl());
        }
    }

    public record DeliveryView(String state, String detail, Instant at) {
        static DeliveryView of(Invite i) {
            return i.deliveryState() == null
                    ? null
                    : new DeliveryView(i.deliveryState(), i.deliveryDetail(), i.deliveryAt());
        }
    }

    /** A token; {@code createdBy} (the creator's e-mail) only for SCIM tokens, {@code token} only when created. */
    public record TokenView(
            String id,
            String name,
            String hint,
            Instant createdAt,
            String createdBy,
            Instant expiresAt,
            Instant lastUsedAt,
            Instant revokedAt,
            String token) {
        static TokenView of(ApiToken t, String secret) {
            return new TokenView(
                    t.id(),
                    t.name(),
                    t.hint(),
                    t.createdAt(),
                    null,
                    t.expiresAt(),
                    t.lastUsedAt(),
                    t.revokedAt(),
                    secret);
        }

        static TokenView of(ScimToken t, String createdBy, String secret) {
            return new TokenView(
                    t.id(),
                    t.name(),
                    t.hint(),
                    t.createdAt(),
                    createdBy,
                    t.expiresAt(),
                    t.lastUsedAt(),
                    t.revokedAt(),
                    secret);
        }
    }

    public record AuditEventView(
            String id,
            Instant occurredAt,
            String actorType,
            String actorId,
            String actor,
            String action,
            String targetType,
            String targetId,
            jakarta.json.JsonObject summary,
            String requestId) {
        static AuditEventView of(AuditEvent e) {
            jakarta.json.JsonObject summary = e.summary() == null
                    ? null
                    : jakarta.json.Json.createReader(new java.io.StringReader(e.summary()))
                            .readObject();
            return new AuditEventView(
                    e.id(),
                    e.occurredAt(),
                    e.actorType().name(),
                    e.actorId(),
                    e.actorLabel(),
                    e.action(),
                    e.targetType(),
                    e.targetId(),
                    summary,
                    e.requestId());
        }
    }
}
