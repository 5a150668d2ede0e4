package dev.polyshop.android.screens;

import static org.robolectric.Shadows.shadowOf;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.rules.TestName;
import org.junit.runner.RunWith;
import org.robolectric.Robolectric;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;
import org.robolectric.annotation.Config;
import org.robolectric.annotation.GraphicsMode;

import android.app.Activity;
import android.content.Intent;
import android.graphics.Bitmap;
import android.graphics.Canvas;
import android.os.Handler;
import android.os.Looper;
import android.view.View;
import android.widget.ListView;
import android.widget.TextView;
import dev.polyshop.android.ShopApplication;
import dev.polyshop.android.api.Login;
import dev.polyshop.android.present.Tasks;
import dev.polyshop.android.session.MemoryStore;
import dev.polyshop.android.session.Session;

/**
 * A screen over a stubbed core: the app's real activities, layouts and presenters, with canned API answers. Each test
 * leaves a picture of the last screen it opened in {@code target/screenshots/}, drawn by Robolectric's native graphics.
 */
@RunWith(RobolectricTestRunner.class)
@GraphicsMode(GraphicsMode.Mode.NATIVE)
@Config(qualifiers = "w360dp-h640dp-xhdpi")
abstract class ScreenTest {

    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    private static Activity lastOpened;

    @Rule
    public final TestName test = new TestName();

    final StubShopApi api = new StubShopApi();
    final Session session = new Session(new MemoryStore(), Clock.systemUTC());
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    RecordingServices services;

    @Before
    public void useStubbedCore() {
        Handler main = new Handler(Looper.getMainLooper());
        services = new RecordingServices(api, session, new Tasks(Runnable::run, main::post, timer));
        ((ShopApplication) RuntimeEnvironment.getApplication()).useServices(services);
    }

    @After
    public void stopTimer() {
        timer.shutdownNow();
    }

    @After
    public void saveScreenshot() throws IOException {
        if (lastOpened == null) {
            return;
        }
        View root = lastOpened.getWindow().getDecorView().getRootView();
        lastOpened = null;
        Bitmap picture = Bitmap.createBitmap(root.getWidth(), root.getHeight(), Bitmap.Config.ARGB_8888);
        root.draw(new Canvas(picture));
        Files.createDirectories(SCREENSHOTS);
        try (OutputStream out = Files.newOutputStream(SCREENSHOTS.resolve(getClass().getSimpleName() + "-"
                + test.getMethodName() + ".png"))) {
            picture.compress(Bitmap.CompressFormat.PNG, 100, out);
        }
    }

    void signIn() {
        session.signIn(new Login("a-token", "2999-01-01T00:00:00Z", "ada", "customer"));
    }

    static <A extends Activity> A launch(Class<A> screen) {
        return launch(screen, new Intent(RuntimeEnvironment.getApplication(), screen));
    }

    static <A extends Activity> A launch(Class<A> screen, Intent intent) {
        A activity = Robolectric.buildActivity(screen, intent).setup().get();
        idle();
        lastOpened = activity;
        return activity;
    }

    /** Runs what the background work posted to the main thread. */
    static void idle() {
        shadowOf(Looper.getMainLooper()).idle();
    }

    static void click(Activity activity, int id) {
        activity.findViewById(id).performClick();
        idle();
    }

    static void type(Activity activity, int id, String text) {
        ((TextView) activity.findViewById(id)).setText(text);
    }

    static String text(Activity activity, int id) {
        return ((TextView) activity.findViewById(id)).getText().toString();
    }

    static boolean shown(Activity activity, int id) {
        return activity.findViewById(id).getVisibility() == View.VISIBLE;
    }

    /** The row views of a list, laid out as the screen shows them. */
    static View row(ListView list, int position) {
        return list.getAdapter().getView(position, null, list);
    }

    static String startedScreen(Activity activity) {
        Intent next = shadowOf(activity).getNextStartedActivity();
        return next == null ? null : next.getComponent().getClassName();
    }
}
