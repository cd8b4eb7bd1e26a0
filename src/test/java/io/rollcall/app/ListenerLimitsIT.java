package io.rollcall.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.it.Api;
import io.rollcall.it.RawHttp;
import io.rollcall.it.RollcallServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The HTTP listener's header and connection limits of {@code src/main/payara/pre-boot-commands.txt}, seen from a
 * client: at most 50 request headers, at most 100 requests on one keep-alive connection. Database-independent, so
 * it runs in the H2 execution only.
 */
class ListenerLimitsIT {

    private final URI base = RollcallServer.shared().baseUrl();

    @Test
    void aRequestWithMoreThanFiftyHeadersIsRefusedWith400AndTheConnectionClosed() {
        Api.Reply within = RawHttp.sendBytes(base, head(40));
        assertThat(within.status()).as(within.toString()).isEqualTo(200);

        Api.Reply over = RawHttp.sendBytes(base, head(60));

        assertThat(over.status()).as(over.toString()).isEqualTo(400);
        assertThat(over.body())
                .doesNotContainIgnoringCase("exception")
                .doesNotContain("org.glassfish")
                .doesNotContain("at java.");
        assertThat(RawHttp.sendBytes(base, head(1)).status())
                .as("the server serves on")
                .isEqualTo(200);
    }

    /** {@code GET /health/live} with {@code headers} headers (Host and fillers); {@code sendBytes} adds Connection. */
    private static byte[] head(int headers) {
        StringBuilder head = new StringBuilder("GET /health/live HTTP/1.1\r\nHost: localhost\r\n");
        for (int i = 1; i < headers; i++) {
            head.append("X-Filler-").append(i).append(": ").append(i).append("\r\n");
        }
        return head.toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void aKeepAliveConnectionIsClosedByTheServerAfterItsHundredthRequest() throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int i = 1; i <= 100; i++) {
                out.write("GET /health/live HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String headers = readResponse(in);
                assertThat(headers).as("response %d", i).startsWith("HTTP/1.1 200");
                assertThat(headers.toLowerCase(Locale.ROOT).contains("connection: close"))
                        .as("response %d", i)
                        .isEqualTo(i == 100);
            }
            assertThat(in.read()).as("the server closed the connection").isEqualTo(-1);
        }
    }

    /** Reads one response (Content-Length or chunked body) and returns its status line and headers. */
    private static String readResponse(InputStream in) throws IOException {
        String headers = readUntil(in, "\r\n\r\n");
        String lower = headers.toLowerCase(Locale.ROOT);
        int length = lower.indexOf("content-length:");
        if (length >= 0) {
            int end = lower.indexOf("\r\n", length);
            in.readNBytes(Integer.parseInt(
                    lower.substring(length + "content-length:".length(), end).trim()));
        } else if (lower.contains("transfer-encoding: chunked")) {
            for (int size = -1; size != 0; ) {
                size = Integer.parseInt(readUntil(in, "\r\n").trim().split(";")[0], 16);
                in.readNBytes(size + 2);
            }
        }
        return headers;
    }

    private static String readUntil(InputStream in, String terminator) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        while (!read.toString(StandardCharsets.US_ASCII).endsWith(terminator)) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after: " + read.toString(StandardCharsets.US_ASCII));
            }
            read.write(b);
        }
        return read.toString(StandardCharsets.US_ASCII);
    }
}
