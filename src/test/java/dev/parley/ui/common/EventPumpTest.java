package dev.parley.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.ClientEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class EventPumpTest {

    /// An executor that only queues, like `Platform.runLater` before the next pulse.
    private final List<Runnable> scheduled = new ArrayList<>();
    private final Executor later = scheduled::add;
    private final List<List<ClientEvent>> batches = new ArrayList<>();

    @Test
    void manyEventsBeforeAPulseCostOneHandOff() {
        var pump = new EventPump(later, batches::add);
        for (int i = 0; i < 1_000; i++) {
            pump.onEvent(new ClientEvent.SystemNotice("n" + i));
        }
        assertThat(scheduled).hasSize(1);

        scheduled.removeFirst().run();
        assertThat(batches).singleElement().satisfies(b -> {
            assertThat(b).hasSize(1_000);
            assertThat(b.getFirst()).isEqualTo(new ClientEvent.SystemNotice("n0"));
            assertThat(b.getLast()).isEqualTo(new ClientEvent.SystemNotice("n999"));
        });
        pump.onEvent(new ClientEvent.SystemNotice("after"));
        assertThat(scheduled).hasSize(1);
    }

    @Test
    void aHugeBacklogIsSplitOverSeveralPulses() {
        var pump = new EventPump(later, batches::add);
        for (int i = 0; i < EventPump.MAX_BATCH + 10; i++) {
            pump.onEvent(new ClientEvent.SystemNotice("n" + i));
        }
        while (!scheduled.isEmpty()) {
            scheduled.removeFirst().run();
        }
        assertThat(batches).extracting(List::size).containsExactly(EventPump.MAX_BATCH, 10);
    }

    @Test
    void aClosedPumpDropsLateEvents() {
        var pump = new EventPump(Runnable::run, batches::add);
        pump.onEvent(new ClientEvent.SystemNotice("kept"));
        pump.close();
        pump.onEvent(new ClientEvent.SystemNotice("dropped"));

        assertThat(batches).singleElement().isEqualTo(List.of(new ClientEvent.SystemNotice("kept")));
    }
}
