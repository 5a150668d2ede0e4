package dev.polyshop.android.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.polyshop.android.api.HttpShopApi;
import dev.polyshop.android.api.Invoice;
import dev.polyshop.android.api.Login;
import dev.polyshop.android.api.Order;
import dev.polyshop.android.api.Product;
import dev.polyshop.android.api.ShopApi;
import dev.polyshop.android.present.LoginPresenter;
import dev.polyshop.android.present.OrdersPresenter;
import dev.polyshop.android.present.ProfilePresenter;
import dev.polyshop.android.present.RecordingView;
import dev.polyshop.android.present.Tasks;
import dev.polyshop.android.present.Words;
import dev.polyshop.android.session.MemoryStore;
import dev.polyshop.android.session.Session;

/**
 * The app's core against the running system through nginx ({@code ./polyshop test} passes its address): what a
 * shopper does on the phone, from registration to the invoice, with the presenters the screens use.
 */
class ShopperJourneyIT {

    private static final Duration SAGA = Duration.ofSeconds(60);
    private static final String BASE_URL = System.getProperty("polyshop.base-url");
    private static String categoryId;
    private static String notebook;
    private static String camera;

    private final ExecutorService background = Executors.newFixedThreadPool(2);
    private final ExecutorService ui = Executors.newSingleThreadExecutor();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final Session session = new Session(new MemoryStore(), Clock.systemUTC());
    private final ShopApi api = new HttpShopApi(session);
    private final Tasks tasks = new Tasks(background, ui, timer);
    private final RecordingView view = new RecordingView();

    @BeforeAll
    static void stockTheShop() throws Exception {
        ManagerDesk manager = new ManagerDesk(BASE_URL);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        categoryId = manager.category("Android " + tag);
        notebook = manager.product(categoryId, "Notebook " + tag, "10.00", 50);
        camera = manager.product(categoryId, "Camera " + tag, "30.00", 50);
    }

    @AfterEach
    void stopThreads() {
        background.shutdownNow();
        ui.shutdownNow();
        timer.shutdownNow();
    }

    @Test
    void shouldTakeAShopperFromRegistrationToTheInvoiceAndBack() {
        session.useServer(BASE_URL);
        String username = register();

        LoginPresenter login = new LoginPresenter(api, session, tasks, view);
        login.login(username, "a good password");
        await().atMost(Duration.ofSeconds(10)).until(() -> view.events.contains("catalog"));
        assertThat(session.isSignedIn()).isTrue();
        assertThat(session.username()).isEqualTo(username);

        assertThat(api.categories()).anySatisfy(category -> {
            assertThat(category.id()).isEqualTo(categoryId);
            assertThat(category.productCount()).isEqualTo(2);
        });
        assertThat(api.products(categoryId, null)).extracting(Product::id).containsExactlyInAnyOrder(notebook, camera);
        assertThat(api.products(null, api.product(notebook).name().toUpperCase())).extracting(Product::id)
                .containsExactly(notebook);

        Order placed = api.placeOrder(notebook, 1);
        OrdersPresenter orders = new OrdersPresenter(api, session, tasks, view);
        ui.execute(orders::start);
        await().atMost(SAGA).untilAsserted(() -> assertThat(view.orders).as("shown %s times; %s", view.ordersShown,
                view.events).isNotEmpty().first().matches(order -> order.id().equals(placed.id()) && !order.isPending(),
                        "the order placed, decided"));
        ui.execute(orders::stop);
        Order approved = view.orders.get(0);
        assertThat(Words.status(approved)).isEqualTo("Approved");
        assertThat(approved.total()).isEqualByComparingTo("10.00");

        await().atMost(SAGA).until(() -> !api.invoices().isEmpty());
        Invoice invoice = api.invoices().get(0);
        assertThat(invoice.orderId()).isEqualTo(placed.id());
        assertThat(invoice.number()).matches("INV-\\d{4}-\\d{6}");
        assertThat(invoice.total()).isEqualByComparingTo("10.00");

        ProfilePresenter profile = new ProfilePresenter(api, session, tasks, view);
        ui.execute(profile::start);
        await().atMost(Duration.ofSeconds(10)).until(() -> view.profile != null);
        assertThat(view.profile.credit()).isEqualByComparingTo(new BigDecimal("90.00"));

        ui.execute(() -> orders.cancel(approved));
        await().atMost(SAGA).until(() -> Order.CANCELLED.equals(api.order(placed.id()).status())
                && api.invoices().get(0).isCredited() && api.me().credit().compareTo(new BigDecimal("100")) == 0);
        assertThat(Words.status(api.order(placed.id()))).isEqualTo("Cancelled");
    }

    @Test
    void shouldShowARejectionForTooLittleCreditWithItsReason() {
        session.useServer(BASE_URL);
        String username = register();
        session.signIn(api.login(username, "a good password"));

        Order placed = api.placeOrder(camera, 4);

        await().atMost(SAGA).until(() -> !api.order(placed.id()).isPending());
        Order rejected = api.order(placed.id());
        assertThat(rejected.status()).isEqualTo(Order.REJECTED);
        assertThat(rejected.reason()).isEqualTo("INSUFFICIENT_CREDIT");
        assertThat(Words.status(rejected)).isEqualTo("Rejected: Not enough credit");
        assertThat(api.me().credit()).isEqualByComparingTo("100");
    }

    @Test
    void shouldSendAShopperWithoutAValidTokenBackToTheLogin() {
        session.useServer(BASE_URL);
        String username = register();
        Login real = api.login(username, "a good password");

        OrdersPresenter orders = new OrdersPresenter(api, session, tasks, view);
        ui.execute(orders::start);
        await().atMost(Duration.ofSeconds(10)).until(() -> view.events.contains("login null"));

        session.signIn(new Login(real.token(), "2020-01-01T00:00:00Z", username, "customer"));
        ui.execute(orders::start);
        await().atMost(Duration.ofSeconds(10)).until(() -> view.events.contains(
                "login Your session has ended. Please log in again."));
        assertThat(session.token()).isNull();

        view.events.clear();
        session.signIn(new Login("not.a.token", "2999-01-01T00:00:00Z", username, "customer"));
        ui.execute(orders::start);
        await().atMost(Duration.ofSeconds(10)).until(() -> view.events.contains(
                "login Your session has ended. Please log in again."));
        assertThat(session.token()).as("the shop refused the token").isNull();
        assertThat(view.orders).isNull();
    }

    private String register() {
        String username = "droid" + UUID.randomUUID().toString().substring(0, 8);
        api.register(username, "Android Shopper", username + "@example.org", "a good password");
        return username;
    }
}
