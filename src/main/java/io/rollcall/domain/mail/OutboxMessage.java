package io.rollcall.domain.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One e-mail waiting in (or gone through) the outbox. The bodies carry a one-time link, so they are erased as soon as
 * the message is sent, given up or cancelled; only the recipient, subject and outcome remain as history.
 */
@Entity
@Table(name = "mail_outbox")
public class OutboxMessage {

    /** What the message announces; {@link #subjectId()} is the invite or sign-in link it belongs to. */
    public enum Kind {
        INVITE,
        SIGN_IN
    }

    /** QUEUED until sent; FAILED once the retry window is over; CANCELLED when a resend superseded it. */
    public enum Status {
        QUEUED,
        SENT,
        FAILED,
        CANCELLED
    }

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "workspace_id")
    private String workspaceId;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false)
    private Kind kind;

    @Column(name = "subject_id")
    private String subjectId;

    @Column(name = "recipient", nullable = false)
    private String recipient;

    @Column(name = "subject", nullable = false)
    private String subject;

    @Column(name = "text_body")
    private String textBody;

    @Column(name = "html_body")
    private String htmlBody;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private Status status;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "give_up_at", nullable = false)
    private Instant giveUpAt;

    @Column(name = "lease_owner")
    private String leaseOwner;

    @Column(name = "lease_until")
    private Instant leaseUntil;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    protected OutboxMessage() {}

    public OutboxMessage(
            String id,
            String workspaceId,
            Kind kind,
            String subjectId,
            MailContent content,
            Instant now,
            Instant giveUpAt) {
        this.id = id;
        this.workspaceId = workspaceId;
        this.kind = kind;
        this.subjectId = subjectId;
        this.recipient = content.recipient();
        this.subject = content.subject();
        this.textBody = content.text();
        this.htmlBody = content.html();
        this.status = Status.QUEUED;
        this.nextAttemptAt = now;
        this.giveUpAt = giveUpAt;
        this.createdAt = now;
    }

    public String id() {
        return id;
    }

    public String workspaceId() {
        return workspaceId;
    }

    public Kind kind() {
        return kind;
    }

    public String subjectId() {
        return subjectId;
    }

    public Status status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public String lastError() {
        return lastError;
    }

    public Instant giveUpAt() {
        return giveUpAt;
    }

    public String leaseOwner() {
        return leaseOwner;
    }

    /** The message as it is to be sent; only meaningful while {@link Status#QUEUED}. */
    public MailContent content() {
        return new MailContent(recipient, subject, textBody, htmlBody);
    }

    public String recipient() {
        return recipient;
    }

    public void markSent(Instant now) {
        this.attempts++;
        this.status = Status.SENT;
        this.sentAt = now;
        this.lastError = null;
        release();
    }

    /** A failed attempt inside the retry window: try again at {@code next}. */
    public void retryAt(Instant next, String error) {
        this.attempts++;
        this.lastError = error;
        this.nextAttemptAt = next;
        this.leaseOwner = null;
        this.leaseUntil = null;
    }

    /** A failed attempt after which the window is over. */
    public void fail(String error) {
        this.attempts++;
        this.status = Status.FAILED;
        this.lastError = error;
        release();
    }

    public void cancel() {
        this.status = Status.CANCELLED;
        release();
    }

    private void release() {
        this.textBody = null;
        this.htmlBody = null;
        this.leaseOwner = null;
        this.leaseUntil = null;
    }
}
