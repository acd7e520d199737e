package se.driftinfo.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server from the binaries Zonky ships in a Maven artifact. PostgreSQL refuses to
 * run as root; Zonky then starts it inside an unprivileged user namespace ({@code unshare -U}), so it
 * works both for a developer and for CI running as root.
 *
 * <p>Fault tests {@link #stop()} it and {@link #start()} it again: same port, same data directory,
 * every committed row kept, every open connection cut, as when a production database restarts.
 */
public final class PostgresServer implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private final boolean keepData;
    private EmbeddedPostgres postgres;
    /** Whether this object has started the server once (a later start reuses the data directory). */
    private boolean started;

    /**
     * @param keepData keep the data directory between starts (local run) rather than start empty (tests)
     */
    public PostgresServer(Path dataDir, int port, boolean keepData) {
        this.dataDir = dataDir;
        this.port = port;
        this.keepData = keepData;
    }

    /**
     * Starts the server; after {@link #stop()}, starts it again on the same port and data. Zonky is
     * never asked to clean the directory itself, since it would do so on every stop: a fresh test
     * server is wiped here, before its first start, and in {@link #close()}.
     */
    public synchronized PostgresServer start() throws IOException {
        if (postgres != null) {
            throw new IllegalStateException("PostgreSQL on port " + port + " is already running");
        }
        if (!started && !keepData) {
            deleteRecursively(dataDir);
        }
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "200")
                .setServerConfig("fsync", keepData ? "on" : "off")
                .setLocaleConfig("locale", "C.UTF-8")
                .setLocaleConfig("encoding", "UTF8")
                .start();
        started = true;
        return this;
    }

    /**
     * Stops the server ({@code pg_ctl stop -m fast}: open connections are cut, committed data stays);
     * clients see their connections refused until {@link #start()}. Stopping a stopped server does
     * nothing.
     */
    public synchronized void stop() throws IOException {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    /** Whether the server is running (between {@link #start()} and {@link #stop()}). */
    public synchronized boolean isRunning() {
        return postgres != null;
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
        stop();
        if (!keepData) {
            deleteRecursively(dataDir);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
