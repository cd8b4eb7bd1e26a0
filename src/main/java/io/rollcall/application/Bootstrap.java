package io.rollcall.application;

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
import io.rollcall.infrastructure.persistence.InstallationFacts;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * First start with an empty database and {@code ROLLCALL_BOOTSTRAP_OWNER_EMAIL} set: creates the workspace
 * {@code ROLLCALL_BOOTSTRAP_WORKSPACE} owned by that account, with {@code ROLLCALL_BOOTSTRAP_TOKEN} (or a generated token,
 * printed once to standard output, never to the log) as the owner's API token. The run is recorded in the database, so a
 * restart, or a second instance starting at the same time, never creates a second workspace or token. Each start also
 * gives the owner a one-time browser sign-in link when one is due ({@link BootstrapSignIn}).
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
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

    @PostConstruct
    void run() {
        if (config.bootstrapOwnerEmail().isEmpty()) {
            return;
        }
        if (facts.has(FACT) || workspaces.count() > 0) {
            LOG.fine("Bootstrap skipped: the database is not empty");
            facts.value(FACT).ifPresent(this::signInLink);
            return;
        }
        String email = Emails.normalise(config.bootstrapOwnerEmail().get());
        String workspaceId = Inputs.slug("ROLLCALL_BOOTSTRAP_WORKSPACE", config.bootstrapWorkspace());
        SecretTokens.Issued secret = config.bootstrapToken().map(Bootstrap::adopt)
                .orElseGet(() -> SecretTokens.issue(SecretTokens.API_PREFIX));
        Instant now = clock.instant();
        Account owner = accounts.findByEmail(email).orElseGet(() -> {
            Account created = new Account(Ids.newId(), email, null, now);
            accounts.add(created);
            return created;
        });
        setup.create(workspaceId, workspaceId, owner, Actor.system("bootstrap"), now);
        tokens.addApiToken(new ApiToken(Ids.newId(), owner.id(), "bootstrap", secret, null, now));
        facts.record(FACT, workspaceId, now);
        LOG.info(() -> "Bootstrap created workspace '" + workspaceId + "' owned by " + email);
        if (config.bootstrapToken().isEmpty()) {
            printOnce(System.out, workspaceId, secret.plain());
        }
        signInLink(workspaceId);
    }

    /** The owner's one-time browser sign-in link: printed (never logged) when e-mail is off, else e-mailed. */
    private void signInLink(String workspaceId) {
        String email = Emails.normalise(config.bootstrapOwnerEmail().get());
        signIn.issueIfDue(email, workspaceId).ifPresent(url -> {
            System.out.println("==================================================================");
            System.out.println(" Rollcall bootstrap: one-time sign-in link for " + email + " (workspace '"
                    + workspaceId + "')");
            System.out.println(" " + url);
            System.out.println(" Valid for 24 hours, once. Open it in a browser to sign in.");
            System.out.println("==================================================================");
        });
    }

    private static SecretTokens.Issued adopt(String token) {
        if (token.length() < MIN_TOKEN_LENGTH) {
            throw new IllegalStateException("ROLLCALL_BOOTSTRAP_TOKEN must be at least " + MIN_TOKEN_LENGTH
                    + " characters long");
        }
        return SecretTokens.adopt(token);
    }

    private static void printOnce(PrintStream out, String workspaceId, String token) {
        out.println("==================================================================");
        out.println(" Rollcall bootstrap: owner API token for workspace '" + workspaceId + "'");
        out.println(" " + token);
        out.println(" It is shown only this once; store it now.");
        out.println("==================================================================");
    }
}
