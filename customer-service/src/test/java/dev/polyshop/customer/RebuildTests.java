package dev.polyshop.customer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.polyshop.testing.EventStoreTestResource;
import dev.polyshop.testing.JwtTestResource;
import dev.polyshop.testing.TestTokens;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.keys.KeyScanArgs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
@WithTestResource(JwtTestResource.class)
@WithTestResource(CustomerRedisTestResource.class)
class RebuildTests {

    @Inject
    SagaDriver saga;

    @Inject
    RedisDataSource redis;

    @ConfigProperty(name = "customer.redis.key-prefix")
    String prefix;

    @Test
    void shouldRebuildFromTheEventStoreExactlyTheStateItHadBefore() throws Exception {
        fillWithEveryKindOfChange();
        String customersBefore = customersView();
        Map<String, Object> redisBefore = dumpOwnKeys();

        deleteOwnKeys();
        assertThat(dumpOwnKeys()).isEmpty();
        given().auth().oauth2(TestTokens.manager())
                .when().post("/api/admin/customers/rebuild")
                .then().statusCode(200)
                .body("customers", greaterThanOrEqualTo(3))
                .body("customerEvents", greaterThanOrEqualTo(10));

        assertThat(customersView()).isEqualTo(customersBefore);
        assertThat(dumpOwnKeys()).isEqualTo(redisBefore);
    }

    @Test
    void shouldLetOnlyTheManagerRebuild() {
        given().when().post("/api/admin/customers/rebuild")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestApi.login(TestApi.registerCustomer(), TestApi.PASSWORD))
                .when().post("/api/admin/customers/rebuild")
                .then().statusCode(403).contentType("application/problem+json");
    }

    /** Registrations, a profile, a password, a credit, reservations held, failed and released, an order that ended. */
    private void fillWithEveryKindOfChange() throws Exception {
        String alice = TestApi.registerCustomer();
        String bob = TestApi.registerCustomer();
        String carol = TestApi.registerCustomer();
        String aliceToken = TestApi.login(alice, TestApi.PASSWORD);
        given().auth().oauth2(aliceToken).contentType(ContentType.JSON)
                .body(Map.of("fullName", "Alice Renamed", "email", "alice@example.net"))
                .when().put("/api/customers/me").then().statusCode(200);
        given().auth().oauth2(aliceToken).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", TestApi.PASSWORD, "newPassword", "rebuilt password"))
                .when().put("/api/customers/me/password").then().statusCode(204);
        TestApi.setCredit(bob, "321.09");

        String held = SagaDriver.newOrderId();
        String released = SagaDriver.newOrderId();
        String failed = SagaDriver.newOrderId();
        String endedFirst = SagaDriver.newOrderId();
        saga.reserveStock(held, bob, 3, "7.77");
        saga.reserveStock(released, carol, 1, "15.00");
        saga.reserveStock(failed, carol, 1, "999.99");
        saga.endOrder(endedFirst, "OrderCancelled", Map.of("orderId", endedFirst, "by", carol));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> saga
                .creditEvents(bob, held).size() == 1 && saga.creditEvents(carol, released).size() == 1
                && saga.creditEvents(carol, failed).size() == 1);
        saga.rejectOrder(released);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> saga.creditEvents(carol, released).size() == 2);

        given().config(TestApi.DECIMALS).auth().oauth2(TestTokens.manager())
                .when().get("/api/customers/{u}", bob)
                .then().body("credit", comparesEqualTo(new BigDecimal("297.78")));
        assertThat(TestApi.credit(carol)).isEqualByComparingTo("100.00");
        TestApi.login(alice, "rebuilt password");
    }

    private String customersView() {
        return given().auth().oauth2(TestTokens.manager())
                .when().get("/api/customers")
                .then().statusCode(200)
                .extract().asString();
    }

    /** Every key of this test run with its whole content, in a form that compares by value. */
    private Map<String, Object> dumpOwnKeys() {
        Map<String, Object> dump = new TreeMap<>();
        for (String key : ownKeys()) {
            Object value = switch (redis.key().type(key)) {
                case HASH -> new TreeMap<>(redis.hash(String.class).hgetall(key));
                case SET -> new TreeSet<>(redis.set(String.class).smembers(key));
                case ZSET -> redis.sortedSet(String.class).zrange(key, 0, -1);
                case STRING -> redis.value(String.class).get(key);
                default -> throw new IllegalStateException("unexpected type of " + key);
            };
            dump.put(key, value);
        }
        return dump;
    }

    private void deleteOwnKeys() {
        List<String> keys = ownKeys();
        if (!keys.isEmpty()) {
            redis.key().del(keys.toArray(String[]::new));
        }
    }

    private List<String> ownKeys() {
        List<String> keys = new ArrayList<>();
        redis.key().scan(new KeyScanArgs().match(prefix + "*").count(1000)).toIterable().forEach(keys::add);
        return keys;
    }
}
