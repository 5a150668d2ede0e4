package dev.polyshop.android.screens;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.Test;

import android.widget.EditText;
import dev.polyshop.android.R;
import dev.polyshop.android.api.FieldError;

public class RegisterScreenTest extends ScreenTest {

    @Test
    public void shouldRegisterThenLogIn() {
        RegisterActivity screen = launch(RegisterActivity.class);
        fill(screen);

        click(screen, R.id.register);

        assertThat(services.presenterCalls).containsExactly("register grace Grace Hopper grace@example.org");
        assertThat(api.calls).containsExactly("register grace", "login grace");
        assertThat(startedScreen(screen)).isEqualTo(CatalogActivity.class.getName());
        assertThat(session.username()).isEqualTo("grace");
    }

    @Test
    public void shouldShowTheShopsErrorsNextToTheirFields() {
        api.failure = StubShopApi.problem(400, new FieldError("email", "must be a valid email address"),
                new FieldError("password", "must have 8 characters at least"));
        RegisterActivity screen = launch(RegisterActivity.class);
        fill(screen);

        click(screen, R.id.register);

        assertThat(((EditText) screen.findViewById(R.id.email)).getError())
                .hasToString("must be a valid email address");
        assertThat(((EditText) screen.findViewById(R.id.password)).getError())
                .hasToString("must have 8 characters at least");
        assertThat(((EditText) screen.findViewById(R.id.username)).getError()).isNull();
        assertThat(text(screen, R.id.error)).isEqualTo(
                "Email: must be a valid email address\nPassword: must have 8 characters at least");
    }

    @Test
    public void shouldSayWhenTheUsernameIsTaken() {
        api.failure = StubShopApi.problem(409);
        RegisterActivity screen = launch(RegisterActivity.class);
        fill(screen);

        click(screen, R.id.register);

        assertThat(((EditText) screen.findViewById(R.id.username)).getError())
                .hasToString("This username is taken; choose another one.");
    }

    private static void fill(RegisterActivity screen) {
        type(screen, R.id.username, "grace");
        type(screen, R.id.full_name, "Grace Hopper");
        type(screen, R.id.email, "grace@example.org");
        type(screen, R.id.password, "compilers!");
    }
}
