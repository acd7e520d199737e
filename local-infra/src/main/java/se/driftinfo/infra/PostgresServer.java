package se.driftinfo.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL server from the binaries Zonky ships in a Maven artifact. PostgreSQL refuses to
 * run as root; Zonky then starts it inside an unprivileged user namespace ({@code unshare -U}), so it
 * works both for a developer and for CI running as root.
 */
public final class PostgresServer implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private final boolean keepData;
    private EmbeddedPostgres postgres;

    /**
     * @param keepData keep the data directory between starts (local run) rather than start empty (tests)
     */
    public PostgresServer(Path dataDir, int port, boolean keepData) {
        this.dataDir = dataDir;
        this.port = port;
        this.keepData = keepData;
    }

    public PostgresServer start() throws IOException {
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(!keepData)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "200")
                .setServerConfig("fsync", keepData ? "on" : "off")
                .setLocaleConfig("locale", "C.UTF-8")
                .setLocaleConfig("encoding", "UTF8")
                .start();
        return this;
    }

    /** Creates a database with an owner of the same name (password = name) unless it exists. */
    public String createDatabase(String name) {
        if (!name.matches("[a-z_]+")) {
            throw new IllegalArgumentException("Database names are lower-case letters: " + name);
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            if (!exists(c, "select 1 from pg_roles where rolname = ?", name)) {
                try (Statement s = c.createStatement()) {
                    s.execute("create role " + name + " login password '" + name + "'");
                }
            }
            if (!exists(c, "select 1 from pg_database where datname = ?", name)) {
                try (Statement s = c.createStatement()) {
                    s.execute("create database " + name + " owner " + name);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name, e);
        }
        return jdbcUrl(name);
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() throws IOException {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }
}
