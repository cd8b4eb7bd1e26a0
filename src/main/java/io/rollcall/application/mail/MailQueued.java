package io.rollcall.application.mail;

/** CDI event: a message was queued; observed after the transaction commits to send it without waiting for a poll. */
public record MailQueued(String messageId) {}
