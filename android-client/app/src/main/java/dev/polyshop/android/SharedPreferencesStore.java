package dev.polyshop.android;

import android.content.SharedPreferences;
import dev.polyshop.android.session.KeyValueStore;

/** The session kept in the app's private SharedPreferences. */
final class SharedPreferencesStore implements KeyValueStore {

    private final SharedPreferences preferences;

    SharedPreferencesStore(SharedPreferences preferences) {
        this.preferences = preferences;
    }

    @Override
    public String get(String key) {
        return preferences.getString(key, null);
    }

    @Override
    public void put(String key, String value) {
        preferences.edit().putString(key, value).apply();
    }

    @Override
    public void remove(String key) {
        preferences.edit().remove(key).apply();
    }
}
