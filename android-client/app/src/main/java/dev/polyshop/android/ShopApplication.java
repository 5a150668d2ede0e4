package dev.polyshop.android;

import android.app.Application;

/** Holds what every screen shares: the session, the API client and the threads they run on. */
public class ShopApplication extends Application {

    private AppServices services;

    @Override
    public void onCreate() {
        super.onCreate();
        services = AppServices.onDevice(this);
    }

    public AppServices services() {
        return services;
    }

    /** Lets a test put a stubbed core behind the screens. */
    public void useServices(AppServices services) {
        this.services = services;
    }
}
