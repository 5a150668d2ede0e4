package dev.polyshop.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.polyshop.testing.EventStoreTestResource;
import dev.polyshop.testing.JwtTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The migration's guards hold even against code that gets it wrong. */
@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
@WithTestResource(JwtTestResource.class)
class CatalogSchemaTests {

    private static final String INSERT_PRODUCT = """
            INSERT INTO product (id, name, category_id, price, units_in_stock, version)
            VALUES (?, 'Pen', ?, 1.50, ?, 0)""";
    private static final String INSERT_CATEGORY = "INSERT INTO category (id, name, name_key, version) VALUES (?, ?, ?, 0)";

    private final String categoryId = UUID.randomUUID().toString();

    @Inject
    DataSource dataSource;

    @AfterEach
    void removeCategory() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            execute(connection, "DELETE FROM product WHERE category_id = ?", categoryId);
            execute(connection, "DELETE FROM category WHERE id = ?", categoryId);
        }
    }

    @Test
    void shouldRefuseNegativeStockAndDuplicateCategoryNames() throws SQLException {
        String name = "Schema check " + categoryId;
        try (Connection connection = dataSource.getConnection()) {
            execute(connection, INSERT_CATEGORY, categoryId, name, name.toLowerCase());

            assertThatThrownBy(
                    () -> execute(connection, INSERT_PRODUCT, UUID.randomUUID().toString(), categoryId, "-1"))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> execute(connection, INSERT_CATEGORY, UUID.randomUUID().toString(),
                    name.toUpperCase(), name.toLowerCase()))
                    .isInstanceOf(SQLException.class);
            assertThat(execute(connection, INSERT_PRODUCT, UUID.randomUUID().toString(), categoryId, "0")).isEqualTo(1);
        }
    }

    @Test
    void shouldRefuseALiveCategoryOrProductWithoutItsDetails() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertThatThrownBy(() -> execute(connection,
                    "INSERT INTO category (id, name, version) VALUES (?, 'No key', 0)", categoryId))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> execute(connection,
                    "INSERT INTO product (id, name, version) VALUES (?, 'No category', 0)",
                    UUID.randomUUID().toString()))
                    .isInstanceOf(SQLException.class);
            assertThat(execute(connection, "INSERT INTO category (id, deleted, version) VALUES (?, TRUE, 0)",
                    categoryId)).isEqualTo(1);
        }
    }

    @Test
    void shouldKeepNamesThatDifferOnlyInAccentsApart() throws SQLException {
        String otherId = UUID.randomUUID().toString();
        try (Connection connection = dataSource.getConnection()) {
            execute(connection, INSERT_CATEGORY, categoryId, "Cafe " + categoryId, "cafe " + categoryId);
            try {
                assertThat(execute(connection, INSERT_CATEGORY, otherId, "Café " + categoryId, "café " + categoryId))
                        .isEqualTo(1);
            } finally {
                execute(connection, "DELETE FROM category WHERE id = ?", otherId);
            }
        }
    }

    @Test
    void shouldRunTransactionsAtReadCommitted() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT @@tx_isolation");
                ResultSet result = query.executeQuery()) {
            assertThat(result.next()).isTrue();
            assertThat(result.getString(1)).isEqualTo("READ-COMMITTED");
        }
    }

    private static int execute(Connection connection, String sql, String... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }
}
