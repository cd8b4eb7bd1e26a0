package io.rollcall.application.mail;

import io.rollcall.domain.mail.MailContent;

/** Hands one composed message to the outgoing mail server. Implementations are thread-safe. */
public interface Mailer {

    /**
     * Sends the message and returns once the SMTP server accepted it.
     *
     * @throws MailFailure when the server is unreachable or refuses the message; its message is the server's reason,
     *         safe to show to an owner (it never contains the message body)
     */
    void send(MailContent message) throws MailFailure;
}
