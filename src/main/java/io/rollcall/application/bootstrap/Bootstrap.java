package io.rollcall.application.bootstrap;

import io.rollcall.application.Actor;
import io.rollcall.application.ConsoleNotice;
import io.rollcall.application.Inputs;
import io.rollcall.application.InstallationFacts;
import io.rollcall.application.WorkspaceSetup;
import io.rollcall.application.signin.BootstrapSignIn;
import io.rollcall.config.RollcallConfig;
import io.rollcall.domain.identity.Account;
import io.rollcall.domain.identity.AccountRepository;
import io.rollcall.domain.identity.ApiToken;
import io.rollcall.domain.identity.SecretTokens;
import io.rollcall.domain.identity.TokenRepository;
import io.rollcall.domain.shared.Emails;
import io.rollcall.domain.shared.Ids;
import io.rollcall.domain.workspace.WorkspaceRepository;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.NotSupportedException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * First start with an empty database and {@code ROLLCALL_BOOTSTRAP_OWNER_EMAIL} set: creates the workspace
 * {@code ROLLCALL_BOOTSTRAP_WORKSPACE} owned by that account, with {@code ROLLCALL_BOOTSTRAP_TOKEN} (or a generated token,
 * printed once to standard output, never to the log) as the owner's API token. The run is recorded in the database, so a
 * restart, or a second instance starting at the same time, never creates a second workspace or token. Each start also
 * gives the owner a one-time browser sign-in link when one is due ({@link BootstrapSignIn}).
 *
 * <p>Serialised in the database: the transaction first inserts the {@code bootstrap} installation fact (a primary key),
 * then creates the workspace. A concurrent instance's insert of the same key waits for that transaction's row lock
 * and then fails on the duplicate key (or succeeds, if the first one rolled back), so exactly one instance bootstraps
 * and the others start normally.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@TransactionManagement(TransactionManagementType.BEAN)
public class Bootstrap {

    static final String FACT = "bootstrap";
    static final int MIN_TOKEN_LENGTH = 20;

    private static final Logger LOG = Logger.getLogger(Bootstrap.class.getName());

    @Inject
    RollcallConfig config;

    @Inject
    WorkspaceRepository workspaces;

    @Inject
    AccountRepository accounts;

    @Inject
    TokenRepository tokens;

    @Inject
    WorkspaceSetup setup;

    @Inject
    InstallationFacts facts;

    @Inject
    BootstrapSignIn signIn;

    @Inject
    Clock clock;

    @Resource
    UserTransaction transaction;

    @PostConstruct
    void run() {
        if (config.bootstrapOwnerEmail().isEmpty()) {
            return;
        }
        try {
            transaction.begin();
            boolean created = false;
            try {
                created = claimAndCreate();
            } finally {
                if (created) {
                    transaction.commit();
                } else {
                    transaction.rollback();
                }
            }
        } catch (RuntimeException
                | SystemException
                | NotSupportedException
                | RollbackException
                | HeuristicMixedException
                | HeuristicRollbackException e) {
            if (!facts.recordedConcurrently(e)) {
                throw e instanceof RuntimeException r ? r : new IllegalStateException("bootstrap failed", e);
            }
            LOG.info("Bootstrap skipped: another instance bootstrapped this database at the same time");
        }
        // After the bootstrap transaction, whichever instance ran it: the link is due until its first one is used.
        signInLink();
    }

    /** In the caller's transaction; false (nothing to commit) when the database was bootstrapped or is in use. */
    private boolean claimAndCreate() {
        if (facts.has(FACT)) {
            LOG.fine("Bootstrap skipped: the database is not empty");
            return false;
        }
        Instant now = clock.instant();
        String workspaceId = Inputs.slug("ROLLCALL_BOOTSTRAP_WORKSPACE", config.bootstrapWorkspace());
        // First, so that concurrent instances queue on this row's lock (see the class comment).
        facts.record(FACT, workspaceId, now);
        if (workspaces.count() > 0) {
            LOG.fine("Bootstrap skipped: the database is not empty");
            return false;
        }
        String email = Emails.normalise(config.bootstrapOwnerEmail().get());
        SecretTokens.Issued secret = config.bootstrapToken()
                .map(Bootstrap::adopt)
                .orElseGet(() -> SecretTokens.issue(SecretTokens.API_PREFIX));
        Account owner = accounts.findByEmail(email).orElseGet(() -> {
            Account created = new Account(Ids.newId(), email, null, now);
            accounts.add(created);
            return created;
        });
        setup.create(workspaceId, workspaceId, owner, Actor.system("bootstrap"), now);
        tokens.addApiToken(new ApiToken(Ids.newId(), owner.id(), "bootstrap", secret, null, now));
        LOG.info(() -> "Bootstrap created workspace '" + workspaceId + "' owned by " + email);
        if (config.bootstrapToken().isEmpty()) {
            printOnce(System.out, workspaceId, secret.plain());
        }
        return true;
    }

    /**
     * The owner's one-time browser sign-in link, issued in a transaction of its own (under the workspace row lock, so
     * instances starting together issue at most one) and printed only after it committed (never logged); with e-mail
     * on, it is queued for sending instead and nothing is printed.
     */
    private void signInLink() {
        String email = Emails.normalise(config.bootstrapOwnerEmail().get());
        Optional<String> url;
        Optional<String> workspaceId;
        try {
            transaction.begin();
            try {
                workspaceId = facts.value(FACT);
                url = workspaceId.flatMap(ws -> signIn.issueIfDue(email, ws));
            } catch (RuntimeException e) {
                transaction.rollback();
                throw e;
            }
            transaction.commit();
        } catch (SystemException
                | NotSupportedException
                | RollbackException
                | HeuristicMixedException
                | HeuristicRollbackException e) {
            throw new IllegalStateException("the bootstrap sign-in link could not be issued", e);
        }
        url.ifPresent(link -> ConsoleNotice.print(
                System.out,
                Bootstrap.class.getName(),
                List.of(
                        "Rollcall bootstrap: one-time sign-in link for " + email + " (workspace '" + workspaceId.get()
                                + "')",
                        link,
                        "Valid for 24 hours, once. Open it in a browser to sign in.")));
    }

    private static SecretTokens.Issued adopt(String token) {
        if (token.length() < MIN_TOKEN_LENGTH) {
            throw new IllegalStateException(
                    "ROLLCALL_BOOTSTRAP_TOKEN must be at least " + MIN_TOKEN_LENGTH + " characters long");
        }
        return SecretTokens.adopt(token);
    }

    private static void printOnce(PrintStream out, String workspaceId, String token) {
        ConsoleNotice.print(
                out,
                Bootstrap.class.getName(),
                List.of(
                        "Rollcall bootstrap: owner API token for workspace '" + workspaceId + "'",
                        token,
                        "It is shown only this once; store it now."));
    }
}
