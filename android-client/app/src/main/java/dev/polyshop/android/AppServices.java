package dev.polyshop.android;

import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

import android.content.Context;
import android.os.Handler;
import android.os.Looper;
import dev.polyshop.android.api.HttpShopApi;
import dev.polyshop.android.api.ShopApi;
import dev.polyshop.android.present.CatalogPresenter;
import dev.polyshop.android.present.InvoicesPresenter;
import dev.polyshop.android.present.LoginPresenter;
import dev.polyshop.android.present.OrdersPresenter;
import dev.polyshop.android.present.ProductPresenter;
import dev.polyshop.android.present.ProfilePresenter;
import dev.polyshop.android.present.RegisterPresenter;
import dev.polyshop.android.present.SettingsPresenter;
import dev.polyshop.android.present.Tasks;
import dev.polyshop.android.session.Session;

/** Makes each screen's presenter over one API client, session and set of threads. */
public class AppServices {

    private final ShopApi api;
    private final Session session;
    private final Tasks tasks;

    public AppServices(ShopApi api, Session session, Tasks tasks) {
        this.api = api;
        this.session = session;
        this.tasks = tasks;
    }

    /** The real thing: the shop over HTTP, the session in SharedPreferences, results posted to the main looper. */
    static AppServices onDevice(Context context) {
        Session session = new Session(new SharedPreferencesStore(
                context.getSharedPreferences("session", Context.MODE_PRIVATE)), Clock.systemUTC());
        Handler main = new Handler(Looper.getMainLooper());
        Executor ui = main::post;
        return new AppServices(new HttpShopApi(session), session,
                new Tasks(Executors.newFixedThreadPool(2), ui, Executors.newSingleThreadScheduledExecutor()));
    }

    public Session session() {
        return session;
    }

    public SettingsPresenter settings(SettingsPresenter.View view) {
        return new SettingsPresenter(session, view);
    }

    public LoginPresenter login(LoginPresenter.View view) {
        return new LoginPresenter(api, session, tasks, view);
    }

    public RegisterPresenter register(RegisterPresenter.View view) {
        return new RegisterPresenter(api, session, tasks, view);
    }

    public CatalogPresenter catalog(CatalogPresenter.View view) {
        return new CatalogPresenter(api, session, tasks, view);
    }

    public ProductPresenter product(ProductPresenter.View view, String productId) {
        return new ProductPresenter(api, session, tasks, view, productId);
    }

    public OrdersPresenter orders(OrdersPresenter.View view) {
        return new OrdersPresenter(api, session, tasks, view);
    }

    public ProfilePresenter profile(ProfilePresenter.View view) {
        return new ProfilePresenter(api, session, tasks, view);
    }

    public InvoicesPresenter invoices(InvoicesPresenter.View view) {
        return new InvoicesPresenter(api, session, tasks, view);
    }
}
