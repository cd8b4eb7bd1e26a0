package io.rollcall.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RollcallServerStartTimeoutTest {

    @AfterEach
    void clear() {
        System.clearProperty(RollcallServer.START_TIMEOUT_PROPERTY);
    }

    @Test
    void withoutThePropertyTheWaitIsTenMinutes() {
        assertThat(RollcallServer.startTimeout()).isEqualTo(Duration.ofSeconds(600));
    }

    @Test
    void thePropertySetsTheWaitInSeconds() {
        System.setProperty(RollcallServer.START_TIMEOUT_PROPERTY, " 600 ");
        assertThat(RollcallServer.startTimeout()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void aWaitThatIsNotAPositiveNumberIsRefusedWithThePropertyName() {
        for (String bad : new String[] {"0", "-5", "4m", "1.5"}) {
            System.setProperty(RollcallServer.START_TIMEOUT_PROPERTY, bad);
            assertThatThrownBy(RollcallServer::startTimeout)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(RollcallServer.START_TIMEOUT_PROPERTY)
                    .hasMessageContaining(bad);
        }
    }
}
