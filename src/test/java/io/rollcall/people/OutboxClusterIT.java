package io.rollcall.people;

import static io.rollcall.it.Api.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.rollcall.it.Api;
import io.rollcall.it.RollcallServer;
import io.rollcall.it.TestAccounts;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two Rollcall instances on one database, both with e-mail on and polling every second: every queued message is sent
 * exactly once, and a message claimed by an instance that died is sent by the other once the lease lapses.
 */
class OutboxClusterIT {

    private static final Duration WAIT = Duration.ofSeconds(Long.getLong("rollcall.it.mailWaitSeconds", 90));

    private static GreenMail smtp;
    private static RollcallServer first;
    private static RollcallServer second;

    @BeforeAll
    static void start() {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Map<String, String> env = new HashMap<>(Map.of(
                "ROLLCALL_SMTP_HOST",
                "127.0.0.1",
                "ROLLCALL_SMTP_PORT",
                Integer.toString(port),
                "ROLLCALL_SMTP_TLS",
                "none",
                "ROLLCALL_SMTP_FROM",
                "rollcall@it.example",
                "ROLLCALL_MAIL_POLL_SECONDS",
                "1",
                "ROLLCALL_MAIL_RETRY_INITIAL_SECONDS",
                "1"));
        first = RollcallServer.start(env);
        env.put("ROLLCALL_DB_URL", first.jdbcUrl());
        second = RollcallServer.start(env);
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.stop();
        }
        if (first != null) {
            first.stop();
        }
        smtp.stop();
    }

    @Test
    void everyMessageQueuedOnEitherInstanceIsSentExactlyOnce() throws Exception {
        TestAccounts.Person owner = TestAccounts.create(first, "owner");
        String ws = "cluster-" + owner.accountId().substring(0, 8);
        Api viaFirst = new Api(first.baseUrl(), owner.token());
        Api viaSecond = new Api(second.baseUrl(), owner.token());
        assertThat(viaFirst.post("/api/v1/workspaces", "{\"id\":" + q(ws) + ",\"name\":\"Cluster\"}")
                        .status())
                .isEqualTo(201);
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String email = "c" + i + "-" + owner.accountId().substring(0, 6) + "@it.example";
            Api api = i % 2 == 0 ? viaFirst : viaSecond;
            assertThat(api.post(
                                    "/api/v1/workspaces/" + ws + "/invites",
                                    "{\"email\":" + q(email) + ",\"role\":\"viewer\"}")
                            .status())
                    .isEqualTo(201);
            recipients.add(email);
        }
        awaitAll(recipients);
        Thread.sleep(3000); // a duplicate would arrive within a poll or two
        for (String recipient : recipients) {
            assertThat(mailsTo(recipient)).as(recipient).hasSize(1);
        }
    }

    @Test
    void aMessageLeftClaimedByADeadInstanceIsSentByAnother() throws Exception {
        String recipient = "orphan-" + UUID.randomUUID().toString().substring(0, 8) + "@it.example";
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        try (Connection c = first.jdbc();
                PreparedStatement s = c.prepareStatement("INSERT INTO mail_outbox (id,"
                        + " kind, recipient, subject, text_body, html_body, status, attempts, next_attempt_at, give_up_at,"
                        + " lease_owner, lease_until, created_at) VALUES (?, 'SIGN_IN', ?, 'Left behind', 'text', '<p>html</p>',"
                        + " 'QUEUED', 0, ?, ?, 'rc-crashed-instance', ?, ?)")) {
            s.setString(1, UUID.randomUUID().toString());
            s.setString(2, recipient);
            s.setTimestamp(3, Timestamp.valueOf(now.minusMinutes(5)));
            s.setTimestamp(4, Timestamp.valueOf(now.plusHours(24)));
            s.setTimestamp(5, Timestamp.valueOf(now.minusSeconds(1)));
            s.setTimestamp(6, Timestamp.valueOf(now.minusMinutes(5)));
            s.executeUpdate();
        }
        awaitAll(List.of(recipient));
        assertThat(mailsTo(recipient).get(0).getSubject()).isEqualTo("Left behind");
    }

    private static void awaitAll(List<String> recipients) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            if (recipients.stream().allMatch(r -> !mailsTo(r).isEmpty())) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not every message arrived within " + WAIT + ": missing "
                + recipients.stream().filter(r -> mailsTo(r).isEmpty()).toList());
    }

    private static List<MimeMessage> mailsTo(String recipient) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                                .anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }
}
