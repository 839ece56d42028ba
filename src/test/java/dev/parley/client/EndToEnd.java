package dev.parley.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.Message.Chat;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.LongStream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/// What the end-to-end tests of "nothing lost" share: clients that reconnect fast, senders,
/// bounded waits that say where each client stands, and the final comparison.
final class EndToEnd {

    private EndToEnd() {}

    static ClientConfig config(URI uri, String name) {
        return new ClientConfig(uri, name, "lobby", null, Duration.ofMillis(50), Duration.ofMillis(300), null);
    }

    /// One virtual thread per client, each sending `messages` texts `userN #m` to the lobby
    /// with short random pauses.
    static List<Thread> startSenders(List<ParleyClient> clients, int messages) {
        var senders = new ArrayList<Thread>();
        for (int i = 0; i < clients.size(); i++) {
            var client = clients.get(i);
            var name = "user" + i;
            senders.add(Thread.ofVirtual().start(() -> {
                for (int m = 0; m < messages; m++) {
                    client.sendChat("lobby", name + " #" + m);
                    sleep(ThreadLocalRandom.current().nextInt(5, 25));
                }
            }));
        }
        return senders;
    }

    /// Waits until every client has all its messages acknowledged and has received all
    /// `total`, then checks that each saw the same messages, once each, numbered 1…total.
    /// Returns that sequence.
    static List<Chat> assertAllSawTheSame(List<ChatRecorder> recorders, int messagesEach, int total)
            throws InterruptedException {
        await(Duration.ofSeconds(30), () -> recorders.stream().allMatch(r ->
                r.acknowledged().size() == messagesEach || !r.failed().isEmpty()), recorders);
        await(Duration.ofSeconds(15), () -> recorders.stream().allMatch(r -> r.receivedCount() >= total), recorders);
        Thread.sleep(200); // room for a late duplicate to show up

        var reference = recorders.getFirst().received();
        assertThat(reference).as("one copy of each message, numbered without gaps").extracting(Chat::seq)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
        assertThat(new HashSet<>(reference.stream().map(Chat::text).toList())).hasSize(total);
        for (var recorder : recorders) {
            assertThat(recorder.failed()).isEmpty();
            assertThat(recorder.acknowledged()).hasSize(messagesEach);
            assertThat(recorder.received()).usingElementComparatorOnFields("seq", "from", "text")
                    .containsExactlyElementsOf(reference);
            for (var ack : recorder.acknowledged().values()) {
                assertThat(reference.get((int) ack.seq() - 1).text()).isEqualTo(ack.text());
            }
        }
        return reference;
    }

    /// Waits for `condition`; on a timeout the message tells where each client stands.
    static void await(Duration within, Callable<Boolean> condition, List<ChatRecorder> recorders) {
        try {
            Awaitility.await().atMost(within).pollInterval(Duration.ofMillis(50)).until(condition);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("clients (state/acknowledged/received/failed): " + recorders.stream()
                    .map(r -> r.state() + "/" + r.acknowledged().size() + "/" + r.receivedCount() + "/" + r.failed())
                    .toList(), e);
        }
    }

    static void awaitConnected(List<ChatRecorder> recorders) {
        await(Duration.ofSeconds(20), () -> recorders.stream().allMatch(r -> r.state() == ConnectionState.CONNECTED),
                recorders);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
