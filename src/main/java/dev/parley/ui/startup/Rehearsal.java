package dev.parley.ui.startup;

import dev.parley.client.ClientEvent;
import dev.parley.client.ConnectionState;
import dev.parley.client.DisconnectReason;
import dev.parley.protocol.Checked;
import dev.parley.protocol.Codec;
import dev.parley.protocol.Message;
import dev.parley.protocol.Names;
import dev.parley.ui.common.EventPump;
import dev.parley.ui.MainViewModel;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/// The AOT cache's training workload (packaging/installer.xml): started with
/// `-Dparley.aot.rehearsal=true`, the window plays a busy room for a few seconds — 2,000
/// messages a second, read from the wire's form and handed to the window the way a connection
/// hands them over — and then shows itself disconnected. The cache then holds the classes and
/// the method profiles (JEP 515) of a flood, so the first flood a user sees runs compiled code
/// sooner. Nothing goes to the network or the data folder.
public final class Rehearsal {

    static final String PROPERTY = "parley.aot.rehearsal";
    static final int RATE = 2_000;
    static final int MESSAGES = 16_000;
    private static final int TICKS_PER_SECOND = 100;
    private static final String[] SENDERS = {"ana", "bo", "chen", "dmitri"};
    private static final String[] TEXTS = {
        "ok",
        "see you at the stand-up in five minutes",
        "the build on the second floor printer is stuck again, has anyone got the admin password?",
        "这周五下午三点在二楼会议室开会，请大家准时参加",
        "A long one, the kind that wraps onto a second and a third line in a narrow window: "
                + "notes from the meeting, a link to the shared folder, and a list of who brings what "
                + "on Friday, so that nobody brings the same salad twice.",
    };

    private Rehearsal() {}

    static boolean asked() {
        return Boolean.getBoolean(PROPERTY);
    }

    /// Plays the rehearsal on a virtual thread; `window` applies batches on `fx`, like a connection's.
    static Thread start(MainViewModel window, Executor fx) {
        return Thread.ofVirtual().name("parley-rehearsal").start(() -> play(new EventPump(fx, window::apply), MESSAGES));
    }

    /// Hands `messages` chat messages to `pump` at [#RATE] a second, between a welcome and a disconnect.
    public static void play(EventPump pump, int messages) {
        pump.onEvent(new ClientEvent.StateChanged(ConnectionState.CONNECTED, null, null, null));
        pump.onEvent(new ClientEvent.Welcomed(new Message.Welcome("rehearsal", Names.DEFAULT_ROOM,
                List.of(Names.DEFAULT_ROOM), null, null, null)));
        long tick = TimeUnit.SECONDS.toNanos(1) / TICKS_PER_SECOND;
        long next = System.nanoTime();
        for (int seq = 1; seq <= messages; seq++) {
            pump.onEvent(received(seq));
            if (seq % (RATE / TICKS_PER_SECOND) == 0) {
                next += tick;
                LockSupport.parkNanos(next - System.nanoTime());
            }
        }
        pump.onEvent(new ClientEvent.StateChanged(ConnectionState.DISCONNECTED, DisconnectReason.CLOSED_BY_USER,
                null, null));
    }

    /// Message `seq` as the server would send it, read back the way the client reads frames.
    public static ClientEvent received(int seq) {
        var sent = new Message.Chat("r" + seq, Names.DEFAULT_ROOM, seq, SENDERS[seq % SENDERS.length],
                TEXTS[seq % TEXTS.length] + " #" + seq, Instant.now().toString(), null);
        if (Codec.decodeToClient(Codec.encode(sent)) instanceof Checked.Ok<Message.ToClient>(Message.Chat chat)) {
            return new ClientEvent.LineAdded(new dev.parley.client.Line(chat.room(), null, chat.seq(), chat.from(),
                    chat.text(), chat.time(), false, dev.parley.client.Line.State.SENT));
        }
        throw new IllegalStateException("a chat message did not read back: " + seq);
    }
}
