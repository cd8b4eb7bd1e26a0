package io.rollcall.domain.mail;

/**
 * A composed e-mail: one recipient address, a subject free of line breaks, a plain-text and an HTML body (both
 * complete documents, already escaped). {@link #toString()} omits the bodies, which carry one-time links.
 */
public record MailContent(String recipient, String subject, String text, String html) {

    @Override
    public String toString() {
        return "MailContent[to=" + recipient + ", subject=" + subject + "]";
    }
}
