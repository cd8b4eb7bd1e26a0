package io.rollcall.infrastructure.persistence;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * The vendor {@link DataSource} behind Payara's pool, chosen from {@link DatabaseSettings} at first use. Payara's
 * {@code @DataSourceDefinition} needs one class name at compile time, while the operator picks H2 or MariaDB at run
 * time with {@code ROLLCALL_DB_URL}: this class bridges the two. Pooling stays Payara's.
 */
public class ConfiguredDataSource implements DataSource {

    private volatile DataSource delegate;
    private PrintWriter logWriter;
    private int loginTimeout;

    private DataSource delegate() throws SQLException {
        DataSource current = delegate;
        if (current == null) {
            synchronized (this) {
                current = delegate;
                if (current == null) {
                    current = create(DatabaseSettings.fromConfig());
                    delegate = current;
                }
            }
        }
        return current;
    }

    static DataSource create(DatabaseSettings settings) throws SQLException {
        switch (settings.vendor()) {
            case H2 -> {
                JdbcDataSource h2 = new JdbcDataSource();
                h2.setURL(settings.url());
                h2.setUser(settings.user() == null ? "" : settings.user());
                h2.setPassword(settings.password() == null ? "" : settings.password());
                return h2;
            }
            case MARIADB -> {
                MariaDbDataSource mariadb = new MariaDbDataSource(settings.driverUrl());
                if (settings.user() != null) {
                    mariadb.setUser(settings.user());
                }
                if (settings.password() != null) {
                    mariadb.setPassword(settings.password());
                }
                return mariadb;
            }
            default -> throw new IllegalStateException("unsupported database " + settings.vendor());
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        return delegate().getConnection();
    }

    /** Payara may pass the (empty) pool credentials; the configured ones always win. */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return delegate().getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        return delegate().unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || delegate().isWrapperFor(iface);
    }
}
