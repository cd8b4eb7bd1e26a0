/** E-mail: composing invite and sign-in messages, queuing them in the outbox and delivering them after commit. */
package io.rollcall.application.mail;
