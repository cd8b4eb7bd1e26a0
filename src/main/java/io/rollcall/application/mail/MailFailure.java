package io.rollcall.application.mail;

/** A delivery attempt that did not succeed, with the SMTP server's (or the network's) reason. */
public class MailFailure extends Exception {

    private static final long serialVersionUID = 1L;

    public MailFailure(String reason, Throwable cause) {
        super(reason, cause);
    }
}
