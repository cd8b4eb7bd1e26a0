package io.rollcall.application.signin;

import io.rollcall.application.Actor;
import io.rollcall.application.AuditLog;
import io.rollcall.application.sso.SessionService;
import io.rollcall.domain.identity.Account;
import io.rollcall.domain.identity.AccountRepository;
import io.rollcall.domain.identity.Member;
import io.rollcall.domain.identity.MemberRepository;
import io.rollcall.domain.identity.SecretTokens;
import io.rollcall.domain.identity.SignInLink;
import io.rollcall.domain.identity.SignInLinkRepository;
import io.rollcall.domain.rbac.PresetRole;
import io.rollcall.domain.shared.Ids;
import io.rollcall.domain.workspace.Workspace;
import io.rollcall.domain.workspace.WorkspaceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * One-time sign-in links: issued with a random 256-bit token (only its SHA-256 stored), used at most once (one
 * conditional update), refused after expiry. Who may sign in by link is decided here, at issue and again at use:
 * an active member of the workspace, and where the workspace sets {@code sso.required} only a break-glass owner.
 */
@ApplicationScoped
public class SignInLinks {

    private static final Logger LOG = Logger.getLogger(SignInLinks.class.getName());

    /** Lifetime of an e-mailed sign-in link. */
    public static final Duration EMAIL_LIFETIME = Duration.ofMinutes(15);
    /** Lifetime of the bootstrap owner's link. */
    public static final Duration BOOTSTRAP_LIFETIME = Duration.ofHours(24);

    private final SignInLinkRepository links;
    private final AccountRepository accounts;
    private final MemberRepository members;
    private final WorkspaceRepository workspaces;
    private final SessionService sessions;
    private final AuditLog audit;
    private final Clock clock;

    @Inject
    public SignInLinks(
            SignInLinkRepository links,
            AccountRepository accounts,
            MemberRepository members,
            WorkspaceRepository workspaces,
            SessionService sessions,
            AuditLog audit,
            Clock clock) {
        this.links = links;
        this.accounts = accounts;
        this.members = members;
        this.workspaces = workspaces;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
    }

    /** For CDI proxies only. */
    protected SignInLinks() {
        this(null, null, null, null, null, null, null);
    }

    /** A link just issued: the stored row and the plain token, which exists only here and in the e-mail. */
    public record Issued(SignInLink link, String token) {
        @Override
        public String toString() {
            return "Issued[link=" + link.id() + "]";
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Issued issue(Account account, String workspaceId, SignInLink.Purpose purpose) {
        Instant now = clock.instant();
        Duration lifetime = purpose == SignInLink.Purpose.BOOTSTRAP ? BOOTSTRAP_LIFETIME : EMAIL_LIFETIME;
        SecretTokens.Issued token = SecretTokens.issue(SignInLink.TOKEN_PREFIX);
        SignInLink link =
                new SignInLink(Ids.newId(), token, account.id(), workspaceId, purpose, now, now.plus(lifetime));
        links.add(link);
        return new Issued(link, token.plain());
    }

    /**
     * Why this member may not sign in by e-mail link into the workspace, or empty when it may. {@code sso.required}
     * lets only active break-glass owners through.
     */
    public static Optional<LinkState> refusal(Workspace workspace, Member member) {
        if (!member.active()) {
            return Optional.of(LinkState.DEACTIVATED);
        }
        if (workspace.ssoRequired()
                && !(member.breakGlass() && PresetRole.OWNER.id().equals(member.roleId()))) {
            return Optional.of(LinkState.SSO_REQUIRED);
        }
        return Optional.empty();
    }

    /** Whether the token names a link that can still be used (for the confirmation page; consumes nothing). */
    @Transactional
    public Optional<LinkState> check(String token) {
        Optional<SignInLink> link = find(token);
        if (link.isEmpty()) {
            return Optional.of(LinkState.UNKNOWN);
        }
        if (link.get().usedAt() != null) {
            return Optional.of(LinkState.USED);
        }
        return link.get().expiredAt(clock.instant()) ? Optional.of(LinkState.EXPIRED) : Optional.empty();
    }

    private static LinkOutcome refused(String workspaceId, LinkState state) {
        logRefusal("link", workspaceId, state.name().toLowerCase().replace('_', '-'));
        return LinkOutcome.refused(state);
    }

    /**
     * Logs one refused e-mail sign-in at INFO, in the shape of the SSO refusal line: {@code Sign-in refused: channel
     * <email|link>, workspace <id|->, reason <code>}. The request id is added by the log's request-id filter; the
     * address and the link token are never logged.
     *
     * @param workspaceId a stored workspace id, or null when none is known (never the caller's raw input)
     */
    static void logRefusal(String channel, String workspaceId, String reason) {
        LOG.info(() -> "Sign-in refused: channel " + channel + ", workspace "
                + (workspaceId == null ? "-" : workspaceId) + ", reason " + reason);
    }

    /** Uses the link: signs the account into the link's workspace, once. Audited as used or refused. */
    @Transactional
    public LinkOutcome use(String token) {
        Optional<SignInLink> found = find(token);
        if (found.isEmpty()) {
            return refused(null, LinkState.UNKNOWN);
        }
        SignInLink link = found.get();
        Instant now = clock.instant();
        if (link.usedAt() != null) {
            return refused(link.workspaceId(), LinkState.USED);
        }
        if (link.expiredAt(now)) {
            return refused(link.workspaceId(), LinkState.EXPIRED);
        }
        Account account = accounts.find(link.accountId()).orElseThrow();
        Optional<Member> member = members.findByAccount(link.workspaceId(), account.id());
        Optional<Workspace> workspace = workspaces.find(link.workspaceId());
        if (member.isEmpty() || workspace.isEmpty()) {
            return refused(link.workspaceId(), LinkState.UNKNOWN);
        }
        Actor actor = Actor.account(account.id(), account.email());
        Optional<LinkState> refusal = refusal(workspace.get(), member.get());
        if (refusal.isPresent()) {
            audit.record(
                    link.workspaceId(),
                    actor,
                    "signin.refused",
                    "member",
                    member.get().id(),
                    Map.of(
                            "channel",
                            "link",
                            "reason",
                            refusal.get().name().toLowerCase().replace('_', '-')));
            return refused(link.workspaceId(), refusal.get());
        }
        if (!links.markUsed(link.id(), now)) {
            return refused(link.workspaceId(), LinkState.USED);
        }
        audit.record(
                link.workspaceId(),
                actor,
                "signin.link-used",
                "member",
                member.get().id(),
                Map.of("purpose", link.purpose().name()));
        return LinkOutcome.signedIn(new SignedIn(
                sessions.issue(account.id(), account.email(), link.workspaceId()),
                sessions.lifetime(),
                link.workspaceId()));
    }

    private Optional<SignInLink> find(String token) {
        if (token == null || !token.startsWith(SignInLink.TOKEN_PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        return links.findByTokenHash(SecretTokens.hash(token));
    }
}
