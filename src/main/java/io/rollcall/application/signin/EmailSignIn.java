package io.rollcall.application.signin;

import io.rollcall.application.Actor;
import io.rollcall.application.AuditLog;
import io.rollcall.application.UsageMetrics;
import io.rollcall.application.mail.MailComposer;
import io.rollcall.application.mail.MailQueue;
import io.rollcall.application.ratelimit.RequestBuckets;
import io.rollcall.application.ratelimit.TooManyRequestsException;
import io.rollcall.config.RollcallConfig;
import io.rollcall.config.SignInSettings;
import io.rollcall.domain.identity.Account;
import io.rollcall.domain.identity.AccountRepository;
import io.rollcall.domain.identity.Member;
import io.rollcall.domain.identity.MemberRepository;
import io.rollcall.domain.identity.SignInLink;
import io.rollcall.domain.mail.OutboxMessage;
import io.rollcall.domain.shared.Emails;
import io.rollcall.domain.shared.InvalidInputException;
import io.rollcall.domain.workspace.Workspace;
import io.rollcall.domain.workspace.WorkspaceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /login/email}: e-mails a one-time sign-in link (15 minutes) to an active member of the workspace. The
 * caller learns nothing about whether the address or the workspace is known: every accepted request gets the same
 * answer, and the work behind it (queuing a message) happens after the answer. Rate limited per client IP and per
 * address before anything is looked up. Where {@code sso.required} is set only break-glass owners get a link; the
 * refusal is audited ({@code signin.refused}), a link request too ({@code signin.link-requested}).
 */
@ApplicationScoped
public class EmailSignIn {

    private final RequestBuckets limiter;
    private final SignInSettings settings;
    private final AccountRepository accounts;
    private final MemberRepository members;
    private final WorkspaceRepository workspaces;
    private final SignInLinks links;
    private final MailQueue mail;
    private final AuditLog audit;
    private final RollcallConfig config;
    private final UsageMetrics metrics;

    @Inject
    public EmailSignIn(
            RequestBuckets limiter,
            SignInSettings settings,
            AccountRepository accounts,
            MemberRepository members,
            WorkspaceRepository workspaces,
            SignInLinks links,
            MailQueue mail,
            AuditLog audit,
            RollcallConfig config,
            UsageMetrics metrics) {
        this.metrics = metrics;
        this.limiter = limiter;
        this.settings = settings;
        this.accounts = accounts;
        this.members = members;
        this.workspaces = workspaces;
        this.links = links;
        this.mail = mail;
        this.audit = audit;
        this.config = config;
    }

    /** For CDI proxies only. */
    protected EmailSignIn() {
        this(null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * Handles one request. Returns normally whether or not a link was sent.
     *
     * @throws InvalidInputException when the e-mail address or workspace id is malformed (says nothing about
     *         existence)
     * @throws TooManyRequestsException when the client IP or the address used up its requests for the window
     */
    @Transactional
    public void request(String rawEmail, String rawWorkspace, String clientIp) {
        limit("signin-ip", settings.perIp(), clientIp == null ? "unknown" : clientIp);
        String email = Emails.normalise(rawEmail);
        limit("signin-address", settings.perAddress(), email);
        if (rawWorkspace == null || rawWorkspace.isBlank() || rawWorkspace.length() > 63) {
            throw new InvalidInputException("workspace", "'workspace' is required: the id of your workspace");
        }
        String workspaceId = rawWorkspace.trim();
        Optional<Workspace> workspace = workspaces.find(workspaceId);
        Optional<Account> account = accounts.findByEmail(email);
        Optional<Member> member = account.flatMap(a -> members.findByAccount(workspaceId, a.id()));
        if (workspace.isEmpty() || member.isEmpty()) {
            // The answer stays the same as for a sent link; only the log says why nothing was sent.
            SignInLinks.logRefusal("email", workspace.map(Workspace::id).orElse(null), "unknown-member");
            return;
        }
        Actor actor = Actor.account(account.get().id(), email);
        Optional<LinkState> refusal = SignInLinks.refusal(workspace.get(), member.get());
        if (refusal.isPresent()) {
            String reason = refusal.get().name().toLowerCase().replace('_', '-');
            audit.record(
                    workspaceId,
                    actor,
                    "signin.refused",
                    "member",
                    member.get().id(),
                    Map.of("channel", "email", "reason", reason));
            SignInLinks.logRefusal("email", workspaceId, reason);
            return;
        }
        if (!mail.enabled()) {
            SignInLinks.logRefusal("email", workspaceId, "email-off");
            audit.record(
                    workspaceId,
                    actor,
                    "signin.refused",
                    "member",
                    member.get().id(),
                    Map.of("channel", "email", "reason", "email-off"));
            return;
        }
        SignInLinks.Issued issued = links.issue(account.get(), workspaceId, SignInLink.Purpose.EMAIL);
        mail.enqueue(
                workspaceId,
                OutboxMessage.Kind.SIGN_IN,
                issued.link().id(),
                MailComposer.signIn(new MailComposer.SignInFacts(
                        email, workspace.get().name(), issued.link().expiresAt(), linkUrl(config, issued.token()))));
        audit.record(
                workspaceId,
                actor,
                "signin.link-requested",
                "member",
                member.get().id(),
                Map.of("channel", "email", "link", issued.link().id()));
    }

    /** {@code {ROLLCALL_PUBLIC_URL}/login/link/{token}}. */
    static String linkUrl(RollcallConfig config, String token) {
        return config.publicUrl() + "/login/link/" + token;
    }

    private void limit(String name, long permits, String key) {
        long nanosToWait = limiter.tryConsume(name, key, permits, settings.window());
        if (nanosToWait > 0) {
            metrics.rateLimitRefused(name);
            throw new TooManyRequestsException(Duration.ofNanos(nanosToWait));
        }
    }
}
