package io.rollcall.infrastructure.logging;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.infrastructure.persistence.DatabaseSettings;
import org.junit.jupiter.api.Test;

class StartupAnnouncementTest {

    @Test
    void theListeningLineNamesVersionUrlDatabaseAndWorkspaceCount() {
        assertThat(StartupAnnouncement.line("1.2.3", "http://0.0.0.0:8080", DatabaseSettings.Vendor.MARIADB, 4))
                .isEqualTo("Rollcall 1.2.3 listening on http://0.0.0.0:8080, database MariaDB, 4 workspaces");
        assertThat(StartupAnnouncement.line("1.2.3", "http://0.0.0.0:9", DatabaseSettings.Vendor.H2, 0))
                .endsWith("database H2, 0 workspaces");
    }

    @Test
    void theVersionComesFromTheBuild() {
        assertThat(StartupAnnouncement.version()).matches("\\d+\\.\\d+\\.\\d+.*");
    }
}
