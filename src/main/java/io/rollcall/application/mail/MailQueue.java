package io.rollcall.application.mail;

import io.rollcall.config.MailSettings;
import io.rollcall.domain.mail.MailContent;
import io.rollcall.domain.mail.MailOutbox;
import io.rollcall.domain.mail.OutboxMessage;
import io.rollcall.domain.shared.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * Puts a message into the outbox in the caller's transaction: it exists if and only if the change it announces
 * committed. The {@link OutboxWorker} sends it after commit.
 */
@ApplicationScoped
public class MailQueue {

    private final MailOutbox outbox;
    private final MailSettings settings;
    private final Event<MailQueued> queued;
    private final Clock clock;

    @Inject
    public MailQueue(MailOutbox outbox, MailSettings settings, Event<MailQueued> queued, Clock clock) {
        this.outbox = outbox;
        this.settings = settings;
        this.queued = queued;
        this.clock = clock;
    }

    /** For CDI proxies only. */
    protected MailQueue() {
        this(null, null, null, null);
    }

    /** False when no SMTP host is configured: callers then hand links out another way. */
    public boolean enabled() {
        return settings.enabled();
    }

    /** Queues the message; {@code subjectId} is the invite or sign-in link it is about. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(String workspaceId, OutboxMessage.Kind kind, String subjectId, MailContent content) {
        Instant now = clock.instant();
        OutboxMessage message = new OutboxMessage(
                Ids.newId(), workspaceId, kind, subjectId, content, now, now.plus(settings.retryWindow()));
        outbox.add(message);
        queued.fire(new MailQueued(message.id()));
    }

    /** Cancels queued messages about this invite or link, e.g. because a resend replaced its token. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void cancel(String subjectId) {
        outbox.cancelQueued(subjectId);
    }
}
