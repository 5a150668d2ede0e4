package dev.polyshop.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PostgresDatabaseTestResourceTests {

    private final String database = "polyshop_fixture_" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void dropDatabase() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres",
                "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database);
        }
    }

    @Test
    void shouldCreateMissingDatabaseOnceAndPointTheDatasourceAtIt() throws SQLException {
        PostgresDatabaseTestResource resource = new PostgresDatabaseTestResource();
        resource.init(Map.of("database", database));

        Map<String, String> config = resource.start();
        resource.start();

        String url = config.get("quarkus.datasource.jdbc.url");
        assertThat(url).endsWith("/" + database);
        try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
            assertThat(connection.getCatalog()).isEqualTo(database);
        }
    }

    @Test
    void shouldRefuseNamesThatAreNotPlainIdentifiers() {
        assertThatThrownBy(() -> PostgresDatabaseTestResource.createDatabaseIfMissing("127.0.0.1", 5432, "postgres", "",
                "orders; drop database postgres"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
