package io.rollcall.application.mail;

import io.rollcall.config.MailSettings;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends outbox messages: right after the transaction that queued one commits on this instance, and every
 * {@code ROLLCALL_MAIL_POLL_SECONDS} for everything due (retries, messages of a crashed instance, messages queued on
 * another instance). Every message is claimed first ({@link OutboxDelivery#claim}), so with several instances on one
 * database each message is sent by one of them. Delivery is at least once: an instance that dies after the SMTP server
 * accepted a message but before recording it lets another instance send it again once the lease lapses.
 */
@ApplicationScoped
public class OutboxWorker {

    private static final Logger LOG = Logger.getLogger(OutboxWorker.class.getName());
    private static final int BATCH = 20;

    private final String owner = "rc-" + UUID.randomUUID();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean again;
    private volatile ScheduledFuture<?> poller;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService executor;

    @Inject
    OutboxDelivery delivery;

    @Inject
    Mailer mailer;

    @Inject
    MailSettings settings;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (!settings.enabled()) {
            return;
        }
        long seconds = settings.poll().toSeconds();
        poller = executor.scheduleWithFixedDelay(this::drain, seconds, seconds, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        ScheduledFuture<?> running = poller;
        if (running != null) {
            running.cancel(false);
        }
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) MailQueued event) {
        if (settings.enabled()) {
            executor.execute(this::drain);
        }
    }

    /** Sends everything due; concurrent calls on one instance coalesce into one pass (and one more). */
    void drain() {
        again = true;
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            while (again) {
                again = false;
                deliverDue();
            }
        } catch (RuntimeException e) {
            // The database may be briefly away (fail-over, start-up): the next poll tries again.
            LOG.log(Level.WARNING, "outbox pass failed; retrying at the next poll", e);
        } finally {
            running.set(false);
        }
    }

    private void deliverDue() {
        List<String> due = delivery.due(BATCH);
        for (String id : due) {
            Optional<OutboxDelivery.Claimed> claimed = delivery.claim(id, owner);
            if (claimed.isEmpty()) {
                continue;
            }
            try {
                mailer.send(claimed.get().content());
                delivery.sent(id, owner);
                LOG.fine(() -> "outbox message " + id + " sent");
            } catch (MailFailure e) {
                LOG.info(() -> "outbox message " + id + " not delivered: " + e.getMessage());
                delivery.failed(id, owner, e.getMessage());
            }
        }
        if (due.size() == BATCH) {
            again = true;
        }
    }
}
