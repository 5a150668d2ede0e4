package dev.polyshop.android.screens;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.polyshop.android.AppServices;
import dev.polyshop.android.api.Order;
import dev.polyshop.android.api.Product;
import dev.polyshop.android.api.ShopApi;
import dev.polyshop.android.present.CatalogPresenter;
import dev.polyshop.android.present.LoginPresenter;
import dev.polyshop.android.present.OrdersPresenter;
import dev.polyshop.android.present.ProductPresenter;
import dev.polyshop.android.present.ProfilePresenter;
import dev.polyshop.android.present.RegisterPresenter;
import dev.polyshop.android.present.SettingsPresenter;
import dev.polyshop.android.present.Tasks;
import dev.polyshop.android.session.Session;

/** The app's services over a stubbed core, with presenters that record which of their methods the screens call. */
class RecordingServices extends AppServices {

    final List<String> presenterCalls = new CopyOnWriteArrayList<>();
    private final ShopApi api;
    private final Session session;
    private final Tasks tasks;

    RecordingServices(ShopApi api, Session session, Tasks tasks) {
        super(api, session, tasks);
        this.api = api;
        this.session = session;
        this.tasks = tasks;
    }

    @Override
    public SettingsPresenter settings(SettingsPresenter.View view) {
        return new SettingsPresenter(session, view) {
            @Override
            public void save(String address) {
                presenterCalls.add("save " + address);
                super.save(address);
            }
        };
    }

    @Override
    public LoginPresenter login(LoginPresenter.View view) {
        return new LoginPresenter(api, session, tasks, view) {
            @Override
            public void login(String username, String password) {
                presenterCalls.add("login " + username + " " + password);
                super.login(username, password);
            }
        };
    }

    @Override
    public RegisterPresenter register(RegisterPresenter.View view) {
        return new RegisterPresenter(api, session, tasks, view) {
            @Override
            public void register(String username, String fullName, String email, String password) {
                presenterCalls.add("register " + username + " " + fullName + " " + email);
                super.register(username, fullName, email, password);
            }
        };
    }

    @Override
    public CatalogPresenter catalog(CatalogPresenter.View view) {
        return new CatalogPresenter(api, session, tasks, view) {
            @Override
            public void search(String text) {
                presenterCalls.add("search " + text);
                super.search(text);
            }

            @Override
            public void selectCategory(String categoryId) {
                presenterCalls.add("selectCategory " + categoryId);
                super.selectCategory(categoryId);
            }

            @Override
            public void chooseProduct(Product product) {
                presenterCalls.add("chooseProduct " + product.id());
                super.chooseProduct(product);
            }
        };
    }

    @Override
    public ProductPresenter product(ProductPresenter.View view, String productId) {
        return new ProductPresenter(api, session, tasks, view, productId) {
            @Override
            public void order(String quantityText) {
                presenterCalls.add("order " + quantityText);
                super.order(quantityText);
            }
        };
    }

    @Override
    public OrdersPresenter orders(OrdersPresenter.View view) {
        return new OrdersPresenter(api, session, tasks, view) {
            @Override
            public void cancel(Order order) {
                presenterCalls.add("cancel " + order.id());
                super.cancel(order);
            }
        };
    }

    @Override
    public ProfilePresenter profile(ProfilePresenter.View view) {
        return new ProfilePresenter(api, session, tasks, view) {
            @Override
            public void save(String fullName, String email) {
                presenterCalls.add("save " + fullName + " " + email);
                super.save(fullName, email);
            }

            @Override
            public void changePassword(String currentPassword, String newPassword) {
                presenterCalls.add("changePassword");
                super.changePassword(currentPassword, newPassword);
            }

            @Override
            public void logout() {
                presenterCalls.add("logout");
                super.logout();
            }
        };
    }
}
