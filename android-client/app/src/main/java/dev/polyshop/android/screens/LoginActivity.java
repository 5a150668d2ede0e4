package dev.polyshop.android.screens;

import android.content.Intent;
import android.os.Bundle;
import android.widget.EditText;
import dev.polyshop.android.R;
import dev.polyshop.android.present.LoginPresenter;

/** The first screen: log in (or register, or set the shop's address); a shopper still logged in goes on. */
public class LoginActivity extends ShopActivity implements LoginPresenter.View {

    private LoginPresenter presenter;

    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        setContentView(R.layout.activity_login);
        presenter = services().login(this);
        EditText username = field("username", R.id.username);
        EditText password = field("password", R.id.password);
        findViewById(R.id.login).setOnClickListener(v -> presenter.login(text(username), text(password)));
        findViewById(R.id.register).setOnClickListener(v -> open(RegisterActivity.class));
        findViewById(R.id.settings).setOnClickListener(v -> open(SettingsActivity.class));
        String reason = getIntent().getStringExtra(EXTRA_REASON);
        if (reason != null) {
            showError(reason);
        }
        presenter.start();
    }

    @Override
    public void openCatalog() {
        startActivity(new Intent(this, CatalogActivity.class));
        finish();
    }

    @Override
    public void openLogin(String reason) {
        showError(reason);
    }
}
