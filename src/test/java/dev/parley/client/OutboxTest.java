package dev.parley.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutboxTest {

    @Test
    void keepsMessagesUntilAcknowledgedOldestFirst() {
        var outbox = new Outbox();
        outbox.add("a", Outbox.Kind.CHAT, "lobby", "one");
        outbox.add("b", Outbox.Kind.DM, "bob", "two");
        outbox.add("c", Outbox.Kind.CHAT, "lobby", "three");
        assertThat(outbox.pending()).extracting(Outbox.Entry::cid).containsExactly("a", "b", "c");
        assertThat(outbox.acknowledge("b")).extracting(Outbox.Entry::text).isEqualTo("two");
        assertThat(outbox.acknowledge("b")).isNull();
        assertThat(outbox.acknowledge(null)).isNull();
        assertThat(outbox.pending()).extracting(Outbox.Entry::cid).containsExactly("a", "c");
    }

    @Test
    void aSeedEchoAcknowledgesTheOldestPendingChatWithThatText() {
        var outbox = new Outbox();
        outbox.add("a", Outbox.Kind.CHAT, "lobby", "  same ");
        outbox.add("b", Outbox.Kind.CHAT, "lobby", "same");
        outbox.add("d", Outbox.Kind.DM, "bob", "other");
        assertThat(outbox.acknowledgeEcho("same").cid()).isEqualTo("a");
        assertThat(outbox.acknowledgeEcho("same").cid()).isEqualTo("b");
        assertThat(outbox.acknowledgeEcho("same")).isNull();
        assertThat(outbox.acknowledgeEcho("other")).isNull();
    }

    @Test
    void failedMessagesWaitForRetryAndAreNotResent() {
        var outbox = new Outbox();
        outbox.add("a", Outbox.Kind.CHAT, "lobby", "one");
        outbox.add("b", Outbox.Kind.CHAT, "lobby", "two");
        assertThat(outbox.fail("a")).isNotNull();
        assertThat(outbox.fail("a")).isNull();
        assertThat(outbox.pending()).extracting(Outbox.Entry::cid).containsExactly("b");
        assertThat(outbox.acknowledgeEcho("one")).isNull();
        assertThat(outbox.retry("a")).isNotNull();
        assertThat(outbox.retry("b")).isNull();
        assertThat(outbox.pending()).extracting(Outbox.Entry::cid).containsExactly("a", "b");
        assertThat(outbox.failAll()).extracting(Outbox.Entry::cid).containsExactly("a", "b");
        assertThat(outbox.pending()).isEmpty();
        assertThat(outbox.size()).isEqualTo(2);
    }
}
