package io.rollcall.infrastructure.mail;

import io.rollcall.application.mail.MailFailure;
import io.rollcall.application.mail.Mailer;
import io.rollcall.config.MailSettings;
import io.rollcall.domain.mail.MailContent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/**
 * Sends through the configured SMTP server with Jakarta Mail (the implementation Payara ships). {@code starttls}
 * requires STARTTLS (no silent fall-back to plain text), {@code tls} is implicit TLS; both check the server's
 * certificate and host name. The subject is RFC 2047-encoded by Jakarta Mail and recipients are parsed strictly, so
 * user data cannot add header lines.
 */
@ApplicationScoped
public class SmtpMailer implements Mailer {

    static final int CONNECT_TIMEOUT_MS = 10_000;
    static final int IO_TIMEOUT_MS = 30_000;
    private static final int MAX_REASON = 1000;

    private final MailSettings settings;

    @Inject
    public SmtpMailer(MailSettings settings) {
        this.settings = settings;
    }

    /** For CDI proxies only. */
    protected SmtpMailer() {
        this(null);
    }

    @Override
    public void send(MailContent content) throws MailFailure {
        try {
            Session session = Session.getInstance(properties(settings));
            MimeMessage message = new MimeMessage(session);
            message.setFrom(InternetAddress.parse(settings.from(), true)[0]);
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(content.recipient(), true));
            message.setSubject(content.subject(), StandardCharsets.UTF_8.name());
            message.setSentDate(new Date());
            MimeBodyPart text = new MimeBodyPart();
            text.setText(content.text(), StandardCharsets.UTF_8.name());
            MimeBodyPart html = new MimeBodyPart();
            html.setText(content.html(), StandardCharsets.UTF_8.name(), "html");
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            message.setContent(alternative);
            if (settings.user().isPresent()) {
                Transport.send(
                        message, settings.user().get(), settings.password().orElseThrow());
            } else {
                Transport.send(message);
            }
        } catch (MessagingException | RuntimeException e) {
            throw new MailFailure(reason(e), e);
        }
    }

    static Properties properties(MailSettings settings) {
        Properties p = new Properties();
        String host = settings.host().orElseThrow();
        p.setProperty("mail.smtp.host", host);
        p.setProperty("mail.smtp.port", Integer.toString(settings.port()));
        p.setProperty("mail.smtp.connectiontimeout", Integer.toString(CONNECT_TIMEOUT_MS));
        p.setProperty("mail.smtp.timeout", Integer.toString(IO_TIMEOUT_MS));
        p.setProperty("mail.smtp.writetimeout", Integer.toString(IO_TIMEOUT_MS));
        p.setProperty("mail.smtp.auth", Boolean.toString(settings.user().isPresent()));
        switch (settings.tls()) {
            case STARTTLS -> {
                p.setProperty("mail.smtp.starttls.enable", "true");
                p.setProperty("mail.smtp.starttls.required", "true");
                p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
            case TLS -> {
                p.setProperty("mail.smtp.ssl.enable", "true");
                p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
            case NONE -> {
                // Plain SMTP: only for a relay on the same host or a private network.
            }
        }
        return p;
    }

    /** The server's or network's reason, one line, bounded: it is shown to owners in the admin API. */
    static String reason(Exception e) {
        Throwable deepest = e;
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
            if (deepest.getMessage() != null) {
                text.append(": ").append(deepest.getMessage());
            }
        }
        String oneLine = text.toString().replaceAll("[\\r\\n\\t]+", " ").trim();
        return oneLine.length() > MAX_REASON ? oneLine.substring(0, MAX_REASON) : oneLine;
    }
}
