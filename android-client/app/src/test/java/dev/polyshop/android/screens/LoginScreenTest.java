package dev.polyshop.android.screens;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.Test;
import org.robolectric.RuntimeEnvironment;

import android.content.Intent;
import android.widget.EditText;
import dev.polyshop.android.R;

public class LoginScreenTest extends ScreenTest {

    @Test
    public void shouldLogInWithTheGivenCredentialsAndKeepOnlyTheToken() {
        LoginActivity screen = launch(LoginActivity.class);
        type(screen, R.id.username, "ada");
        type(screen, R.id.password, "correct horse");

        click(screen, R.id.login);

        assertThat(services.presenterCalls).containsExactly("login ada correct horse");
        assertThat(startedScreen(screen)).isEqualTo(CatalogActivity.class.getName());
        assertThat(session.token()).isEqualTo("token-of-ada");
        assertThat(session.isSignedIn()).isTrue();
    }

    @Test
    public void shouldSaySoWhenTheCredentialsAreWrong() {
        api.failure = StubShopApi.problem(401);
        LoginActivity screen = launch(LoginActivity.class);
        type(screen, R.id.username, "ada");
        type(screen, R.id.password, "wrong password");

        click(screen, R.id.login);

        assertThat(text(screen, R.id.error)).isEqualTo("Wrong username or password.");
        assertThat(startedScreen(screen)).isNull();
        assertThat(session.token()).isNull();
    }

    @Test
    public void shouldMarkEmptyFieldsWithoutAskingTheShop() {
        LoginActivity screen = launch(LoginActivity.class);

        click(screen, R.id.login);

        assertThat(((EditText) screen.findViewById(R.id.username)).getError()).hasToString("required");
        assertThat(((EditText) screen.findViewById(R.id.password)).getError()).hasToString("required");
        assertThat(api.calls).isEmpty();
    }

    @Test
    public void shouldGoStraightToTheCatalogWhileLoggedIn() {
        signIn();

        LoginActivity screen = launch(LoginActivity.class);

        assertThat(startedScreen(screen)).isEqualTo(CatalogActivity.class.getName());
    }

    @Test
    public void shouldShowWhyTheShopperWasSentBackToIt() {
        Intent intent = new Intent(RuntimeEnvironment.getApplication(), LoginActivity.class)
                .putExtra(ShopActivity.EXTRA_REASON, "Your session has ended. Please log in again.");

        LoginActivity screen = launch(LoginActivity.class, intent);

        assertThat(text(screen, R.id.error)).isEqualTo("Your session has ended. Please log in again.");
    }

    @Test
    public void shouldOpenRegistrationAndSettings() {
        LoginActivity screen = launch(LoginActivity.class);

        click(screen, R.id.register);
        assertThat(startedScreen(screen)).isEqualTo(RegisterActivity.class.getName());
        click(screen, R.id.settings);
        assertThat(startedScreen(screen)).isEqualTo(SettingsActivity.class.getName());
    }
}
