package io.rollcall.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

    @Test
    void mariaDbGetsServerSidePreparedStatementsUnlessTheOperatorChose() {
        assertEquals(
                "jdbc:mariadb://db:3306/rollcall?useServerPrepStmts=true",
                DatabaseSettings.of("jdbc:mariadb://db:3306/rollcall", "u", "p").driverUrl());
        assertEquals(
                "jdbc:mariadb://db/rollcall?sslMode=verify-full&useServerPrepStmts=true",
                DatabaseSettings.of("jdbc:mariadb://db/rollcall?sslMode=verify-full", null, null)
                        .driverUrl());
        assertEquals(
                "jdbc:mariadb://db/rollcall?useServerPrepStmts=false",
                DatabaseSettings.of("jdbc:mariadb://db/rollcall?useServerPrepStmts=false", null, null)
                        .driverUrl());
        assertEquals(
                "jdbc:mariadb://db/rollcall?UseServerPrepStmts=false",
                DatabaseSettings.of("jdbc:mariadb://db/rollcall?UseServerPrepStmts=false", null, null)
                        .driverUrl());
    }

    @Test
    void h2UrlsAreLeftAlone() {
        String url = "jdbc:h2:file:/tmp/x;DB_CLOSE_ON_EXIT=FALSE";
        assertEquals(url, DatabaseSettings.of(url, null, null).driverUrl());
    }

    @Test
    void otherDatabasesAreRefused() {
        assertThrows(IllegalStateException.class, () -> DatabaseSettings.of("jdbc:postgresql://db/x", null, null));
    }
}
