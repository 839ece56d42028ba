package dev.parley.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/// Runs blocking work (start a server, connect, disk) off the FX thread and hands the result
/// back on it. The app uses [FxBackground] (a JavaFX `Task` on a named virtual thread); view
/// model tests use [#direct()], which runs everything at once on the caller's thread.
public interface Background {

    <T> void run(String name, Callable<T> work, Consumer<? super T> done, Consumer<Throwable> failed);

    static Background direct() {
        return new Background() {
            @Override
            public <T> void run(String name, Callable<T> work, Consumer<? super T> done, Consumer<Throwable> failed) {
                T result;
                try {
                    result = work.call();
                } catch (Exception e) {
                    failed.accept(e);
                    return;
                }
                done.accept(result);
            }
        };
    }
}
