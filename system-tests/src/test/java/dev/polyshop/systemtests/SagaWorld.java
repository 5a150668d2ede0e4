package dev.polyshop.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.restassured.response.Response;

/**
 * A small shop full of contention: a few products with scarce stock, shoppers with limited credit, many concurrent
 * orders and cancellations. After it goes quiet, {@link #assertInvariants()} checks DESIGN.md's invariants 1–9 from the
 * services' own APIs and the event log.
 */
final class SagaWorld {

    record Product(String id, int initialStock) {
    }

    record Shopper(String username, String token, BigDecimal credit) {
    }

    private final String manager = ShopApi.manager();
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final List<Product> products = new ArrayList<>();
    private final List<Shopper> shoppers = new ArrayList<>();
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<String> cancelRequested = new ConcurrentLinkedQueue<>();
    private final long deadLettersBefore = ShopApi.deadLetters(manager);

    SagaWorld(int productCount, int shopperCount) {
        String category = ShopApi.category(manager, "Scarce " + suffix);
        String[] prices = {"1.50", "2.25", "4.00", "0.99", "3.10"};
        for (int i = 0; i < productCount; i++) {
            int stock = 15 + 10 * i;
            products.add(new Product(ShopApi.product(manager, category, "Scarce " + i + " " + suffix,
                    prices[i % prices.length], stock), stock));
        }
        for (int i = 0; i < shopperCount; i++) {
            String username = "load" + i + "_" + suffix;
            String token = ShopApi.shopper(username);
            BigDecimal credit = new BigDecimal(10 + 5 * (i % 7)).setScale(2);
            ShopApi.credit(manager, username, credit.toPlainString());
            shoppers.add(new Shopper(username, token, credit));
        }
    }

    /**
     * Each shopper places orders concurrently with the others; some are cancelled at once, some later. Orders the
     * system did not accept (a service down, an answer 5xx) are not part of the saga and are only counted.
     */
    int placeOrders(int perShopper, double cancelShare) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(shoppers.size());
        List<Future<Integer>> refused = new ArrayList<>();
        for (Shopper shopper : shoppers) {
            refused.add(pool.submit(() -> {
                int notAccepted = 0;
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int n = 0; n < perShopper; n++) {
                    Product product = products.get(random.nextInt(products.size()));
                    Response response = ShopApi.placeOrder(shopper.token(), product.id(), 1 + random.nextInt(3));
                    if (response.statusCode() != 202) {
                        notAccepted++;
                        continue;
                    }
                    String order = response.path("id");
                    accepted.add(order);
                    if (random.nextDouble() < cancelShare) {
                        cancel(shopper, order);
                    }
                }
                return notAccepted;
            }));
        }
        int notAccepted = 0;
        for (Future<Integer> result : refused) {
            notAccepted += result.get();
        }
        pool.shutdown();
        return notAccepted;
    }

    /** Cancels a random share of the accepted orders, whatever state they reached (REJECTED ones answer 409). */
    void cancelSome(double share) {
        Map<String, Shopper> byName = shoppers.stream().collect(Collectors.toMap(Shopper::username, s -> s));
        for (Map<String, Object> order : ownOrders()) {
            if (ThreadLocalRandom.current().nextDouble() < share) {
                cancel(byName.get((String) order.get("customer")), (String) order.get("id"));
            }
        }
    }

    private void cancel(Shopper shopper, String order) {
        int status = ShopApi.as(shopper.token()).post("/api/orders/{id}/cancel", order).statusCode();
        assertThat(status).as("cancel answer").isIn(202, 409, 502, 503, 504);
        cancelRequested.add(order);
    }

    int acceptedOrders() {
        return accepted.size();
    }

    /** Every accepted order final, and every reservation of a rejected or cancelled order released. */
    void awaitQuiet(Duration atMost) {
        await("the saga to finish every order").atMost(atMost).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    List<Map<String, Object>> orders = ownOrders();
                    assertThat(orders).extracting(order -> order.get("id")).containsAll(accepted);
                    assertThat(orders).allSatisfy(order -> {
                        assertThat(order.get("status")).isNotEqualTo("PENDING");
                        if (!"APPROVED".equals(order.get("status"))) {
                            assertThat(order.get("stockStatus")).isNotEqualTo("RESERVED");
                            assertThat(order.get("creditStatus")).isNotEqualTo("RESERVED");
                        }
                    });
                    assertInvoicesMatchOrders(orders);
                });
    }

    void assertInvariants() {
        List<Map<String, Object>> orders = ownOrders();
        List<Map<String, Object>> approved = orders.stream().filter(o -> "APPROVED".equals(o.get("status")))
                .toList();

        // 1. every accepted order reached exactly one final state (an order whose answer a crash lost counts too)
        assertThat(orders).extracting(order -> order.get("id")).containsAll(accepted);
        assertThat(orders)
                .allSatisfy(order -> assertThat(order.get("status")).isIn("APPROVED", "REJECTED", "CANCELLED"));
        // 2 and 3. stock: initial = current + units of approved orders, never negative
        for (Product product : products) {
            int sold = approved.stream().filter(o -> product.id().equals(o.get("productId")))
                    .mapToInt(o -> (Integer) o.get("quantity")).sum();
            int current = ShopApi.product(product.id()).getInt("unitsInStock");
            assertThat(current).as("stock of %s", product.id()).isNotNegative()
                    .isEqualTo(product.initialStock() - sold);
        }
        // 2 and 4. credit: set by the manager − approved totals = current, never negative
        for (Shopper shopper : shoppers) {
            BigDecimal spent = approved.stream().filter(o -> shopper.username().equals(o.get("customer")))
                    .map(o -> ShopApi.money(o.get("total"))).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal current = ShopApi.money(ShopApi.customer(manager, shopper.username()).get("credit"));
            assertThat(current).as("credit of %s", shopper.username()).isNotNegative()
                    .isEqualByComparingTo(shopper.credit().subtract(spent));
        }
        // 5. one invoice per approved order, none for rejected ones; revenue follows the approved totals
        assertInvoicesMatchOrders(orders);
        // 6 and 8. each change recorded once, versions contiguous per stream, saga events once per order
        Set<String> streams = new HashSet<>();
        products.forEach(p -> streams.add(p.id()));
        shoppers.forEach(s -> streams.add(s.username()));
        orders.forEach(o -> streams.add((String) o.get("id")));
        for (String stream : streams) {
            List<Integer> versions = ShopApi.stream(manager, stream).stream().map(e -> (Integer) e.get("version"))
                    .toList();
            assertThat(versions).as("versions of %s", stream)
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, versions.size()).boxed()
                            .toList());
        }
        for (Map<String, Object> order : orders) {
            List<String> trace = ShopApi.events(manager, Map.of("correlationId", order.get("id"), "limit", 1000))
                    .stream().map(e -> e.get("streamId") + "/" + e.get("type")).toList();
            assertThat(trace).as("saga trace of %s", order.get("id")).doesNotHaveDuplicates()
                    .contains(order.get("id") + "/OrderPlaced");
        }
        // 9. nothing the services could not process
        assertThat(ShopApi.deadLetters(manager)).as("dead-lettered messages").isEqualTo(deadLettersBefore);
    }

    private void assertInvoicesMatchOrders(List<Map<String, Object>> orders) {
        Set<Object> ids = orders.stream().map(order -> order.get("id")).collect(Collectors.toSet());
        Map<String, List<Map<String, Object>>> invoicesByOrder = ShopApi.invoices(manager).stream()
                .filter(invoice -> ids.contains(invoice.get("orderId")))
                .collect(Collectors.groupingBy(invoice -> (String) invoice.get("orderId")));
        for (Map<String, Object> order : orders) {
            List<Map<String, Object>> invoices = invoicesByOrder.getOrDefault((String) order.get("id"), List.of());
            String status = (String) order.get("status");
            if ("APPROVED".equals(status)) {
                assertThat(invoices).as("invoices of approved %s", order.get("id")).hasSize(1)
                        .allSatisfy(i -> assertThat(i.get("status")).isEqualTo("ISSUED"))
                        .allSatisfy(i -> assertThat(ShopApi.money(i.get("total")))
                                .isEqualByComparingTo(ShopApi.money(order.get("total"))));
            } else if ("REJECTED".equals(status)) {
                assertThat(invoices).as("invoices of rejected %s", order.get("id")).isEmpty();
            } else {
                assertThat(invoices).as("invoices of cancelled %s", order.get("id")).hasSizeLessThanOrEqualTo(1)
                        .allSatisfy(i -> assertThat(i.get("status")).isEqualTo("CREDITED"));
            }
        }
        BigDecimal issued = invoicesByOrder.values().stream().flatMap(List::stream)
                .filter(i -> "ISSUED".equals(i.get("status"))).map(i -> ShopApi.money(i.get("total")))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal approvedTotal = orders.stream().filter(o -> "APPROVED".equals(o.get("status")))
                .map(o -> ShopApi.money(o.get("total"))).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(issued).as("issued invoices of this run").isEqualByComparingTo(approvedTotal);
    }

    /** 7. Rebuilding every service from the event store gives back what the API showed before. */
    void assertRebuildsReproduceTheLiveState() {
        Map<String, String> before = views();
        for (String service : List.of("customers", "catalog", "orders", "accounting")) {
            ShopApi.as(manager).post("/api/admin/{service}/rebuild", service).then().statusCode(200);
        }
        Map<String, String> after = views();
        for (Map.Entry<String, String> view : before.entrySet()) {
            String was = view.getValue();
            String is = after.get(view.getKey());
            int at = firstDifference(was, is);
            assertThat(at).as("%s after the rebuilds differs at %d: was …%s…, is …%s…", view.getKey(), at,
                    around(was, at), around(is, at)).isEqualTo(-1);
        }
    }

    private static int firstDifference(String a, String b) {
        for (int i = 0; i < Math.min(a.length(), b.length()); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                return i;
            }
        }
        return a.length() == b.length() ? -1 : Math.min(a.length(), b.length());
    }

    private static String around(String text, int at) {
        return at < 0 ? "" : text.substring(Math.max(0, at - 150), Math.min(text.length(), at + 150));
    }

    private Map<String, String> views() {
        Map<String, String> views = new HashMap<>();
        views.put("orders", ShopApi.as(manager).get("/api/orders").asString());
        views.put("customers", ShopApi.as(manager).get("/api/customers").asString());
        views.put("products", ShopApi.anyone().get("/api/products").asString());
        views.put("categories", ShopApi.anyone().get("/api/categories").asString());
        views.put("invoices", ShopApi.as(manager).get("/api/invoices").asString());
        views.put("revenue", ShopApi.as(manager).queryParam("year", Year.now().getValue()).get("/api/revenue")
                .asString());
        return views;
    }

    private List<Map<String, Object>> ownOrders() {
        Set<String> names = shoppers.stream().map(Shopper::username).collect(Collectors.toSet());
        List<Map<String, Object>> own = new ArrayList<>();
        for (Map<String, Object> order : ShopApi.orders(manager)) {
            if (names.contains((String) order.get("customer"))) {
                own.add(order);
            }
        }
        return Collections.unmodifiableList(own);
    }
}
