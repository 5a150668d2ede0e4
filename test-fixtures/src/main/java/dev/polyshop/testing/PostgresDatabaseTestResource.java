package dev.polyshop.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.regex.Pattern;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Creates the test database on the PostgreSQL already running, if it is missing (PostgreSQL, unlike MariaDB, has no
 * JDBC option for that), and points the datasource at it. Flyway then creates the tables.
 * <p>
 * Init args, all optional: {@code database} (default {@value #DEFAULT_DATABASE}), {@code host} (127.0.0.1), {@code port}
 * (5432), {@code username} (postgres), {@code password} (empty). The environment variables {@code POLYSHOP_POSTGRES_HOST}
 * and {@code POLYSHOP_POSTGRES_PORT} override host and port.
 */
public class PostgresDatabaseTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String DEFAULT_DATABASE = "polyshop_orders_test";
    private static final Pattern SAFE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private String database = DEFAULT_DATABASE;
    private String host = "127.0.0.1";
    private String port = "5432";
    private String username = "postgres";
    private String password = "";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
        host = initArgs.getOrDefault("host", host);
        port = initArgs.getOrDefault("port", port);
        username = initArgs.getOrDefault("username", username);
        password = initArgs.getOrDefault("password", password);
        host = environment("POLYSHOP_POSTGRES_HOST", host);
        port = environment("POLYSHOP_POSTGRES_PORT", port);
    }

    @Override
    public Map<String, String> start() {
        recreateDatabase(host, Integer.parseInt(port), username, password, database);
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://" + host + ":" + port + "/" + database,
                "quarkus.datasource.username", username,
                "quarkus.datasource.password", password);
    }

    /** The database is left as the tests left it, to look at; the next run starts it afresh. */
    @Override
    public void stop() {
    }

    /**
     * Drops and creates {@code database}: each test run starts empty, as the in-memory event store it projects does.
     */
    public static void recreateDatabase(String host, int port, String username, String password, String database) {
        if (!SAFE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("Not a plain lower-case database name: " + database);
        }
        String url = "jdbc:postgresql://" + host + ":" + port + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, username, password);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop the test database " + database + " on PostgreSQL at " + host
                    + ":" + port + " (" + e.getMessage() + ")", e);
        }
        createDatabaseIfMissing(host, port, username, password, database);
    }

    /**
     * Connects to the {@code postgres} maintenance database and creates {@code database} unless it exists. Safe to call
     * concurrently: a creation lost to a parallel run counts as success.
     */
    public static void createDatabaseIfMissing(String host, int port, String username, String password,
            String database) {
        if (!SAFE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("Not a plain lower-case database name: " + database);
        }
        String url = "jdbc:postgresql://" + host + ":" + port + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, username, password)) {
            if (exists(connection, database)) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + database);
            } catch (SQLException e) {
                if (!exists(connection, database)) {
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the test database " + database + " on PostgreSQL at " + host
                    + ":" + port + " (" + e.getMessage() + "). The tests need a running PostgreSQL: start one, or "
                    + "point POLYSHOP_POSTGRES_HOST and POLYSHOP_POSTGRES_PORT at it.", e);
        }
    }

    private static boolean exists(Connection connection, String database) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet result = query.executeQuery()) {
                return result.next();
            }
        }
    }

    private static String environment(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
