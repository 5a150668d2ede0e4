package dev.polyshop.android.session;

/** Where the session is kept: SharedPreferences on the phone, a map in tests. */
public interface KeyValueStore {

    /** @return the value, or null if none is kept */
    String get(String key);

    void put(String key, String value);

    void remove(String key);
}
