package dev.polyshop.android.present;

import java.util.Collections;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import dev.polyshop.android.api.ApiException;
import dev.polyshop.android.api.FieldError;

/**
 * Where a screen's work runs: the blocking API calls in the background, everything that touches the screen on the UI
 * thread (the main looper on Android; the test's own thread or executor on the JVM).
 */
public class Tasks {

    private final Executor background;
    private final Executor ui;
    private final ScheduledExecutorService timer;

    public Tasks(Executor background, Executor ui, ScheduledExecutorService timer) {
        this.background = background;
        this.ui = ui;
        this.timer = timer;
    }

    /** Runs {@code work} in the background, then {@code done} or {@code failed} with its outcome on the UI thread. */
    public <T> void run(Callable<T> work, Consumer<T> done, Consumer<ApiException> failed) {
        background.execute(() -> {
            try {
                T result = work.call();
                ui.execute(() -> done.accept(result));
            } catch (ApiException e) {
                ui.execute(() -> failed.accept(e));
            } catch (Exception e) {
                ApiException unexpected = new ApiException(500, "Unexpected error", e.toString(),
                        Collections.<FieldError>emptyList());
                unexpected.initCause(e);
                ui.execute(() -> failed.accept(unexpected));
            }
        });
    }

    /** Runs {@code step} on the UI thread after a delay, unless the returned future is cancelled first. */
    public Future<?> later(Runnable step, long delayMillis) {
        return timer.schedule(() -> ui.execute(step), delayMillis, TimeUnit.MILLISECONDS);
    }
}
