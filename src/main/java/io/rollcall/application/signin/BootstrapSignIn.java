package io.rollcall.application.signin;

import io.rollcall.application.Actor;
import io.rollcall.application.AuditLog;
import io.rollcall.application.mail.MailComposer;
import io.rollcall.application.mail.MailQueue;
import io.rollcall.config.RollcallConfig;
import io.rollcall.domain.identity.Account;
import io.rollcall.domain.identity.AccountRepository;
import io.rollcall.domain.identity.MemberRepository;
import io.rollcall.domain.identity.SignInLink;
import io.rollcall.domain.identity.SignInLinkRepository;
import io.rollcall.domain.mail.OutboxMessage;
import io.rollcall.domain.workspace.Workspace;
import io.rollcall.domain.workspace.WorkspaceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The bootstrap owner's one-time sign-in link (24 hours, single use), so that the first owner can open Rollcall in a
 * browser without an IdP. Issued on the first start; a restart issues another only when the last one expired unused
 * (never while one is still valid, never after one was used). Under the workspace's lock, so instances starting
 * together issue at most one. With e-mail on it is e-mailed; otherwise the caller prints it once.
 */
@ApplicationScoped
public class BootstrapSignIn {

    private final SignInLinkRepository links;
    private final SignInLinks signInLinks;
    private final AccountRepository accounts;
    private final MemberRepository members;
    private final WorkspaceRepository workspaces;
    private final MailQueue mail;
    private final AuditLog audit;
    private final RollcallConfig config;
    private final Clock clock;

    @Inject
    public BootstrapSignIn(
            SignInLinkRepository links,
            SignInLinks signInLinks,
            AccountRepository accounts,
            MemberRepository members,
            WorkspaceRepository workspaces,
            MailQueue mail,
            AuditLog audit,
            RollcallConfig config,
            Clock clock) {
        this.links = links;
        this.signInLinks = signInLinks;
        this.accounts = accounts;
        this.members = members;
        this.workspaces = workspaces;
        this.mail = mail;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    /** For CDI proxies only. */
    protected BootstrapSignIn() {
        this(null, null, null, null, null, null, null, null, null);
    }

    /**
     * Issues the link if one is due. Returns the URL to print when it was issued and e-mail is off; empty when no link
     * was due or it was e-mailed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> issueIfDue(String ownerEmail, String workspaceId) {
        Optional<Workspace> workspace = workspaces.lock(workspaceId);
        Optional<Account> owner = accounts.findByEmail(ownerEmail);
        // The configured address may have changed since the first start: only a current member gets a link.
        if (workspace.isEmpty()
                || owner.isEmpty()
                || members.findByAccount(workspaceId, owner.get().id())
                        .filter(m -> m.active())
                        .isEmpty()) {
            return Optional.empty();
        }
        Optional<SignInLink> last = links.latest(SignInLink.Purpose.BOOTSTRAP, workspaceId);
        if (last.isPresent() && (last.get().usedAt() != null || !last.get().expiredAt(clock.instant()))) {
            return Optional.empty();
        }
        SignInLinks.Issued issued = signInLinks.issue(owner.get(), workspaceId, SignInLink.Purpose.BOOTSTRAP);
        String url = EmailSignIn.linkUrl(config, issued.token());
        audit.record(
                workspaceId,
                Actor.system("bootstrap"),
                "signin.link-requested",
                "account",
                owner.get().id(),
                Map.of("channel", mail.enabled() ? "email" : "console", "purpose", "BOOTSTRAP"));
        if (mail.enabled()) {
            mail.enqueue(
                    workspaceId,
                    OutboxMessage.Kind.SIGN_IN,
                    issued.link().id(),
                    MailComposer.signIn(new MailComposer.SignInFacts(
                            ownerEmail, workspace.get().name(), issued.link().expiresAt(), url)));
            return Optional.empty();
        }
        return Optional.of(url);
    }
}
