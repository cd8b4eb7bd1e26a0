package io.rollcall.application.sso;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.domain.sso.LoginState;
import io.rollcall.domain.sso.LoginStateRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class LoginStatesTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    /** The repository contract in memory: take() removes atomically, as the DELETE does in the database. */
    static final class InMemoryStates implements LoginStateRepository {
        final Map<String, LoginState> rows = new ConcurrentHashMap<>();

        @Override
        public void add(LoginState state) {
            rows.put(state.id(), state);
        }

        @Override
        public Optional<LoginState> take(String idHash) {
            return Optional.ofNullable(rows.remove(idHash));
        }

        @Override
        public int purgeExpired(Instant now) {
            int before = rows.size();
            rows.values().removeIf(s -> s.expiresAt().isBefore(now));
            return before - rows.size();
        }
    }

    private final InMemoryStates store = new InMemoryStates();

    private LoginStates at(Instant now) {
        return new LoginStates(store, Clock.fixed(now, ZoneOffset.UTC));
    }

    private String begin(Duration validity) {
        return at(NOW).begin(id -> LoginState.saml(id, "ws", "_req1", "/", NOW, NOW.plus(validity)));
    }

    @Test
    void aStateIsUsableExactlyOnce() {
        String cookie = begin(Duration.ofMinutes(10));

        assertThat(at(NOW).take(cookie)).map(LoginState::samlRequestId).contains("_req1");
        assertThat(at(NOW).take(cookie)).isEmpty();
    }

    @Test
    void onlyTheHashOfTheBrowserValueIsStored() {
        String cookie = begin(Duration.ofMinutes(10));

        assertThat(store.rows).hasSize(1).doesNotContainKey(cookie).containsKey(LoginStates.hash(cookie));
        assertThat(cookie).hasSizeGreaterThanOrEqualTo(43);
    }

    @Test
    void anExpiredStateIsRefusedAndConsumed() {
        String cookie = begin(Duration.ofMinutes(10));

        assertThat(at(NOW.plus(Duration.ofMinutes(11))).take(cookie)).isEmpty();
        assertThat(store.rows).isEmpty();
    }

    @Test
    void unknownMissingOrOversizedValuesFindNothing() {
        begin(Duration.ofMinutes(10));

        assertThat(at(NOW).take(null)).isEmpty();
        assertThat(at(NOW).take("")).isEmpty();
        assertThat(at(NOW).take("guess")).isEmpty();
        assertThat(at(NOW).take("x".repeat(500))).isEmpty();
        assertThat(store.rows).hasSize(1);
    }
}
