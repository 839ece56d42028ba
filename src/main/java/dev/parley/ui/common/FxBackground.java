package dev.parley.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.concurrent.Task;

/// [Background] for the running app: each job is a JavaFX [Task] on its own named virtual
/// thread; `succeeded()` / `failed()` run on the FX thread.
public final class FxBackground implements Background {

    @Override
    public <T> void run(String name, Callable<T> work, Consumer<? super T> done, Consumer<Throwable> failed) {
        var task = new Task<T>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }

            @Override
            protected void succeeded() {
                done.accept(getValue());
            }

            @Override
            protected void failed() {
                failed.accept(getException());
            }
        };
        Thread.ofVirtual().name("parley-" + name).start(task);
    }
}
