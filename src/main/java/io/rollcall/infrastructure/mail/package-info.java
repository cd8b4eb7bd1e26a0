/** Jakarta Mail: the SMTP side of the outbox. */
package io.rollcall.infrastructure.mail;
