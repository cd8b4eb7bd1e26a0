/** The e-mail outbox: messages queued with the change they announce and sent after commit by one instance. */
package io.rollcall.domain.mail;
