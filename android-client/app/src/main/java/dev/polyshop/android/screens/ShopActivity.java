package dev.polyshop.android.screens;

import java.util.HashMap;
import java.util.Map;

import android.app.Activity;
import android.content.Intent;
import android.view.View;
import android.widget.TextView;
import dev.polyshop.android.AppServices;
import dev.polyshop.android.R;
import dev.polyshop.android.ShopApplication;
import dev.polyshop.android.present.FormView;

/**
 * What the screens share: the busy bar and the error line of {@code layout/status}, input fields that show the errors
 * the shop names by field, and the way back to the login when the session ends.
 */
abstract class ShopActivity extends Activity implements FormView {

    static final String EXTRA_REASON = "reason";

    private final Map<String, TextView> fields = new HashMap<>();

    AppServices services() {
        return ((ShopApplication) getApplication()).services();
    }

    /** Shows the shop's errors about {@code field} (its JSON name) on this input. */
    <T extends TextView> T field(String field, int id) {
        T input = findViewById(id);
        fields.put(field, input);
        return input;
    }

    static String text(TextView view) {
        return view.getText().toString();
    }

    @Override
    public void showBusy(boolean busy) {
        View bar = findViewById(R.id.busy);
        if (bar != null) {
            bar.setVisibility(busy ? View.VISIBLE : View.GONE);
        }
    }

    @Override
    public void showError(String message) {
        TextView error = findViewById(R.id.error);
        error.setText(message);
        error.setVisibility(message == null ? View.GONE : View.VISIBLE);
    }

    @Override
    public void clearFieldErrors() {
        for (TextView input : fields.values()) {
            input.setError(null);
        }
        showError(null);
    }

    @Override
    public void showFieldError(String field, String message) {
        TextView input = fields.get(field);
        if (input != null) {
            input.setError(message);
        }
    }

    @Override
    public void openLogin(String reason) {
        Intent login = new Intent(this, LoginActivity.class).putExtra(EXTRA_REASON, reason)
                .addFlags(Intent.FLAG_ACTIVITY_NEW_TASK | Intent.FLAG_ACTIVITY_CLEAR_TASK);
        startActivity(login);
        finish();
    }

    void open(Class<? extends Activity> screen) {
        startActivity(new Intent(this, screen));
    }
}
