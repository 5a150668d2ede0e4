package dev.polyshop.customer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.polyshop.embedded.EmbeddedMongo;
import dev.polyshop.eventstore.client.AppendRequest;
import dev.polyshop.eventstore.client.EventStoreClient;
import dev.polyshop.eventstore.client.NewEvent;
import dev.polyshop.eventstore.client.RabbitMq;
import dev.polyshop.eventstore.client.RabbitMqConfig;
import dev.polyshop.testing.EventStoreProcess;
import dev.polyshop.testing.JwtTestResource;
import dev.polyshop.testing.QuarkusAppProcess;
import dev.polyshop.testing.RabbitMqTestResource;
import io.restassured.http.ContentType;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The packaged service stopped and started for real, against a real event store: what it holds survives a restart,
 * it goes on with the saga where it stopped, and a start on an empty Redis rebuilds the same state from the log.
 */
class CustomerServiceRestartIT {

    private static final String REDIS = "redis://127.0.0.1:6379/1";
    private static final String PASSWORD = "survives restarts";

    @Test
    void shouldKeepEverythingAcrossRestartsAndRebuildItIntoAnEmptyRedis() throws Exception {
        String namespace = new RabbitMqTestResource().start().get("polyshop.rabbitmq.namespace");
        String prefix = CustomerRedisTestResource.newPrefix();
        Map<String, String> environment = new HashMap<>();
        new JwtTestResource().start().forEach((key, value) -> environment.put(environmentName(key), value));
        environment.put("QUARKUS_REDIS_HOSTS", REDIS);
        environment.put("CUSTOMER_REDIS_KEY_PREFIX", prefix);
        environment.put("CUSTOMER_PASSWORD_BCRYPT_COST", "4");
        environment.put("POLYSHOP_RABBITMQ_NAMESPACE", namespace);
        environment.put("POLYSHOP_RABBITMQ_QUEUE_EXPIRY", "PT10M");
        RabbitMqConfig rabbitConfig = rabbitConfig(namespace);
        RabbitMq rabbit = new RabbitMq(rabbitConfig, "customer-restart-it");
        EventStoreClient eventStore = new EventStoreClient(rabbit, rabbitConfig);
        String alice = TestApi.newUsername();
        String bob = TestApi.newUsername();
        String order = UUID.randomUUID().toString();

        try (EmbeddedMongo mongo = EmbeddedMongo.inMemory("127.0.0.1", 0);
                QuarkusAppProcess store = EventStoreProcess.start(mongo.connectionString(), namespace, Map.of(),
                        "event-store-for-customer-restart-it")) {
            String beforeRestart;
            try (QuarkusAppProcess first = QuarkusAppProcess.start(QuarkusAppProcess.ownJar(), environment,
                    "customer-service-first-start")) {
                register(first, alice);
                register(first, bob);
                setCredit(first, bob, "50");
                eventStore.append(AppendRequest.to("product", UUID.randomUUID().toString()).correlatedWith(order)
                        .events(NewEvent.of("StockReserved", Map.of("orderId", order, "customer", bob, "productId",
                                UUID.randomUUID().toString(), "quantity", 2, "unitPrice", new BigDecimal("10.00")))));
                awaitCredit(first, bob, "30.00");
                beforeRestart = customers(first);
            }

            String afterRestart;
            try (QuarkusAppProcess second = QuarkusAppProcess.start(QuarkusAppProcess.ownJar(), environment,
                    "customer-service-second-start")) {
                assertThat(customers(second)).isEqualTo(beforeRestart);
                login(second, alice, PASSWORD);
                eventStore.append(AppendRequest.to("order", order).correlatedWith(order)
                        .events(NewEvent.of("OrderRejected", Map.of("orderId", order, "reason", "TIMEOUT"))));
                awaitCredit(second, bob, "50.00");
                afterRestart = customers(second);
            }

            CustomerRedisTestResource.deleteKeys(REDIS, prefix);
            try (QuarkusAppProcess third = QuarkusAppProcess.start(QuarkusAppProcess.ownJar(), environment,
                    "customer-service-start-on-empty-redis")) {
                assertThat(customers(third)).isEqualTo(afterRestart);
                login(third, alice, PASSWORD);
            }
        } finally {
            eventStore.close();
            rabbit.close();
            CustomerRedisTestResource.deleteKeys(REDIS, prefix);
        }
    }

    private static void register(QuarkusAppProcess service, String username) {
        given().baseUri(service.url()).contentType(ContentType.JSON)
                .body(Map.of("username", username, "fullName", "Restart " + username, "email",
                        username + "@example.com", "password", PASSWORD))
                .when().post("/api/customers")
                .then().statusCode(201);
    }

    private static String login(QuarkusAppProcess service, String username, String password) {
        return given().baseUri(service.url()).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password))
                .when().post("/api/auth/login")
                .then().statusCode(200)
                .extract().path("token");
    }

    private static void setCredit(QuarkusAppProcess service, String username, String credit) {
        given().baseUri(service.url()).auth().oauth2(login(service, "admin", "admin")).contentType(ContentType.JSON)
                .body("{\"credit\": " + credit + "}")
                .when().put("/api/customers/{u}/credit", username)
                .then().statusCode(200);
    }

    private static String customers(QuarkusAppProcess service) {
        return given().baseUri(service.url()).auth().oauth2(login(service, "admin", "admin"))
                .when().get("/api/customers")
                .then().statusCode(200)
                .extract().asString();
    }

    private static void awaitCredit(QuarkusAppProcess service, String username, String credit) {
        String manager = login(service, "admin", "admin");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            BigDecimal current = given().baseUri(service.url()).config(TestApi.DECIMALS).auth().oauth2(manager)
                    .when().get("/api/customers/{u}", username)
                    .then().statusCode(200)
                    .extract().path("credit");
            assertThat(current).isEqualByComparingTo(credit);
        });
    }

    /** {@code mp.jwt.verify.publickey.location} → {@code MP_JWT_VERIFY_PUBLICKEY_LOCATION}, as Quarkus reads it. */
    private static String environmentName(String property) {
        return property.toUpperCase().replaceAll("[^A-Z0-9]", "_");
    }

    private static RabbitMqConfig rabbitConfig(String namespace) {
        Properties properties = new Properties();
        properties.setProperty("polyshop.rabbitmq.namespace", namespace);
        properties.setProperty("polyshop.rabbitmq.queue-expiry", "PT10M");
        return new SmallRyeConfigBuilder()
                .withMapping(RabbitMqConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build()
                .getConfigMapping(RabbitMqConfig.class);
    }
}
