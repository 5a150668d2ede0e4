package dev.polyshop.android.screens;

import android.app.Activity;
import android.os.Bundle;
import android.widget.EditText;
import android.widget.TextView;
import dev.polyshop.android.R;
import dev.polyshop.android.ShopApplication;
import dev.polyshop.android.present.SettingsPresenter;

/** Which shop the app talks to; an emulator reaches the developer's machine at 10.0.2.2. */
public class SettingsActivity extends Activity implements SettingsPresenter.View {

    private SettingsPresenter presenter;
    private EditText address;
    private TextView message;

    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        setContentView(R.layout.activity_settings);
        presenter = ((ShopApplication) getApplication()).services().settings(this);
        address = findViewById(R.id.server_address);
        message = findViewById(R.id.message);
        findViewById(R.id.save).setOnClickListener(v -> presenter.save(address.getText().toString()));
        presenter.start();
    }

    @Override
    public void showServerAddress(String serverAddress) {
        address.setText(serverAddress);
    }

    @Override
    public void showAddressError(String error) {
        address.setError(error);
        message.setText(error);
    }

    @Override
    public void settingsSaved() {
        address.setError(null);
        message.setText(R.string.saved);
    }
}
