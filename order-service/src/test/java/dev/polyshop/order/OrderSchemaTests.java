package dev.polyshop.order;

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
import dev.polyshop.testing.PostgresDatabaseTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The migration's guards hold even against code that gets it wrong. */
@QuarkusTest
@WithTestResource(PostgresDatabaseTestResource.class)
@WithTestResource(EventStoreTestResource.class)
@WithTestResource(JwtTestResource.class)
class OrderSchemaTests {

    private static final String INSERT_ORDER = """
            INSERT INTO orders (id, customer, product_id, quantity, status, stock_status, credit_status, placed_at,
                                updated_at, version)
            VALUES (?, 'alice', ?, ?, ?, 'PENDING', 'PENDING', now(), now(), 0)""";

    private final UUID orderId = UUID.randomUUID();

    @Inject
    DataSource dataSource;

    @AfterEach
    void removeOrder() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM orders WHERE id = ?")) {
            delete.setObject(1, orderId);
            delete.executeUpdate();
        }
    }

    @Test
    void shouldKeepHistoryWithItsOrderAndRefuseUnknownStatus() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertThatThrownBy(() -> insertOrder(connection, orderId, 1, "SHIPPED")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> insertOrder(connection, orderId, 0, "PENDING")).isInstanceOf(SQLException.class);

            insertOrder(connection, orderId, 2, "PENDING");
            try (PreparedStatement history = connection.prepareStatement(
                    "INSERT INTO order_history (order_id, status, changed_at, detail, position) VALUES (?, 'PENDING', now(), 'placed', 1)")) {
                history.setObject(1, orderId);
                history.executeUpdate();
            }

            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT count(*) FROM order_history WHERE order_id = ?")) {
                query.setObject(1, orderId);
                try (ResultSet result = query.executeQuery()) {
                    result.next();
                    assertThat(result.getInt(1)).isEqualTo(1);
                }
            }
        }
    }

    private static void insertOrder(Connection connection, UUID id, int quantity, String status) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_ORDER)) {
            insert.setObject(1, id);
            insert.setObject(2, UUID.randomUUID());
            insert.setInt(3, quantity);
            insert.setString(4, status);
            insert.executeUpdate();
        }
    }
}
