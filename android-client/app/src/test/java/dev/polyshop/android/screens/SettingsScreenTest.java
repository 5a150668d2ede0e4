package dev.polyshop.android.screens;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.Test;
import org.robolectric.RuntimeEnvironment;

import android.content.Context;
import android.widget.EditText;
import dev.polyshop.android.AppServices;
import dev.polyshop.android.R;
import dev.polyshop.android.ShopApplication;
import dev.polyshop.android.api.Login;
import dev.polyshop.android.session.Session;

public class SettingsScreenTest extends ScreenTest {

    @Test
    public void shouldOfferTheHostAsTheEmulatorSeesItByDefault() {
        SettingsActivity screen = launch(SettingsActivity.class);

        assertThat(text(screen, R.id.server_address)).isEqualTo("http://10.0.2.2:8080");
    }

    @Test
    public void shouldSaveAnAddress() {
        SettingsActivity screen = launch(SettingsActivity.class);
        type(screen, R.id.server_address, "192.168.1.20:8080/");

        click(screen, R.id.save);

        assertThat(services.presenterCalls).containsExactly("save 192.168.1.20:8080/");
        assertThat(session.serverAddress()).isEqualTo("http://192.168.1.20:8080");
        assertThat(text(screen, R.id.server_address)).isEqualTo("http://192.168.1.20:8080");
        assertThat(text(screen, R.id.message)).isEqualTo("Saved.");
    }

    @Test
    public void shouldRefuseAnAddressThatIsNotOne() {
        SettingsActivity screen = launch(SettingsActivity.class);
        type(screen, R.id.server_address, "ftp://shop");

        click(screen, R.id.save);

        assertThat(((EditText) screen.findViewById(R.id.server_address)).getError()).isNotNull();
        assertThat(session.serverAddress()).isEqualTo(Session.EMULATOR_HOST_ADDRESS);
    }

    @Test
    public void shouldKeepTheSessionInThePrivatePreferencesWithoutAPassword() {
        ShopApplication application = (ShopApplication) RuntimeEnvironment.getApplication();
        application.onCreate();
        AppServices onDevice = application.services();

        onDevice.session().useServer("http://shop.example:8080");
        onDevice.session().signIn(new Login("t", "2999-01-01T00:00:00Z", "ada",
                "customer"));

        Map<String, ?> kept = application.getSharedPreferences("session", Context.MODE_PRIVATE).getAll();
        assertThat(kept.keySet()).containsExactlyInAnyOrder("server", "token", "expiresAt", "username");
        assertThat(kept.get("server")).isEqualTo("http://shop.example:8080");
        assertThat(kept.get("token")).isEqualTo("t");
    }
}
