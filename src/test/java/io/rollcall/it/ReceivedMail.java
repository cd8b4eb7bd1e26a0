package io.rollcall.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading the e-mails Rollcall sent to the tests' SMTP server (GreenMail): subject, a body part, a link in it. */
public final class ReceivedMail {

    private ReceivedMail() {}

    /** A GreenMail SMTP server on {@code 127.0.0.1:port}, started; the caller stops it. */
    public static GreenMail startSmtp(int port) {
        GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    /**
     * Server settings that send Rollcall's e-mail to the test SMTP server on {@code 127.0.0.1:smtpPort} without TLS,
     * polling the outbox every second and retrying after 1 to 2 seconds. The per-IP sign-in limit is lifted: every
     * test posts from 127.0.0.1, and that limit is covered by LocalRequestBucketsTest.
     */
    public static Map<String, String> smtpSettings(int smtpPort) {
        return Map.of(
                "ROLLCALL_SMTP_HOST",
                "127.0.0.1",
                "ROLLCALL_SMTP_PORT",
                Integer.toString(smtpPort),
                "ROLLCALL_SMTP_TLS",
                "none",
                "ROLLCALL_SMTP_FROM",
                "Rollcall <rollcall@it.example>",
                "ROLLCALL_MAIL_RETRY_INITIAL_SECONDS",
                "1",
                "ROLLCALL_MAIL_RETRY_MAX_SECONDS",
                "2",
                "ROLLCALL_MAIL_POLL_SECONDS",
                "1",
                "ROLLCALL_SIGNIN_RATE_PER_IP",
                "10000");
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text of the multipart/alternative part of this type ({@code text/plain} or {@code text/html}). */
    public static String part(MimeMessage message, String type) throws Exception {
        MimeMultipart alternative = (MimeMultipart) message.getContent();
        for (int i = 0; i < alternative.getCount(); i++) {
            BodyPart part = alternative.getBodyPart(i);
            if (part.isMimeType(type)) {
                return (String) part.getContent();
            }
        }
        throw new AssertionError("no " + type + " part");
    }

    /** The first match of the link pattern in the text; fails the test when there is none. */
    public static String link(String text, Pattern pattern) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as("link in: " + text).isTrue();
        return matcher.group();
    }
}
