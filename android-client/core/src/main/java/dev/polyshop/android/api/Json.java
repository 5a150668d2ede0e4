package dev.polyshop.android.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.json.JSONArray;
import org.json.JSONException;
import org.json.JSONObject;

/** Reading the API's JSON tolerantly: a missing or null field is null, unknown fields are ignored. */
final class Json {

    interface Reader<T> {
        T read(JSONObject json) throws JSONException;
    }

    private Json() {
    }

    static String text(JSONObject json, String field) {
        return json.isNull(field) ? null : json.optString(field, null);
    }

    /** Money stays exact: the number's own digits, never a double. */
    static BigDecimal money(JSONObject json, String field) {
        return json.isNull(field) ? null : new BigDecimal(json.optString(field));
    }

    static <T> List<T> list(JSONArray array, Reader<T> reader) throws JSONException {
        List<T> items = new ArrayList<>(array.length());
        for (int i = 0; i < array.length(); i++) {
            items.add(reader.read(array.getJSONObject(i)));
        }
        return items;
    }
}
