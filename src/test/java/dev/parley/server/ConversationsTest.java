package dev.parley.server;

import static dev.parley.server.NameClaimsTest.ALICE_KEY;
import static dev.parley.server.NameClaimsTest.BOB_KEY;
import static dev.parley.server.NameClaimsTest.as;
import static dev.parley.server.NameClaimsTest.dm;
import static dev.parley.server.NameClaimsTest.sqlite;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.parley.protocol.Limits;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/// design.md v2 "Private conversations": stored before delivery with their own `seq`,
/// acknowledged by `cid`, kept for an offline owner, readable only by their two members.
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ConversationsTest {

    @TempDir
    Path data;

    private static List<String> texts(JsonObject page) {
        var texts = new ArrayList<String>();
        page.getAsJsonArray("messages").forEach(m -> texts.add(m.getAsJsonObject().get("text").getAsString()));
        return texts;
    }

    private static JsonObject conversationPage(WsClient client, String with) {
        client.send("{\"type\":\"history\",\"payload\":{\"with\":\"" + with + "\",\"after\":0}}");
        while (true) {
            var page = client.payload("history");
            if (page.has("with")) {
                return page;
            }
        }
    }

    @Test
    void aPrivateMessageToAnOfflineOwnerArrivesWhenSheConnectsAlsoAfterARestart() {
        var config = sqlite(data);
        try (var server = NameClaimsTest.start(config, Clock.systemUTC())) {
            as(server, "bob", BOB_KEY).joined().close(); // bob's name is his from now on
            try (var alice = as(server, "alice", ALICE_KEY).joined()) {
                dm(alice, "bob", "while you were out", "c1");
                var ack = alice.payload("dm");
                assertThat(ack.get("cid").getAsString()).isEqualTo("c1");
                assertThat(ack.get("seq").getAsLong()).isEqualTo(1);
                assertThat(ack.get("to").getAsString()).isEqualTo("bob");
            }
        }
        try (var server = NameClaimsTest.start(config.withPort(0), Clock.systemUTC());
             var bob = as(server, "bob", BOB_KEY)) {
            var welcome = bob.payload("welcome");
            assertThat(welcome.get("clientId").getAsString()).isEqualTo("bob");
            var listed = welcome.getAsJsonArray("conversations").get(0).getAsJsonObject();
            assertThat(listed.get("with").getAsString()).isEqualTo("alice");
            assertThat(listed.get("lastSeq").getAsLong()).isEqualTo(1);
            bob.next("history");
            var page = conversationPage(bob, "alice");
            assertThat(texts(page)).containsExactly("while you were out");
            assertThat(page.get("complete").getAsBoolean()).isTrue();
        }
    }

    @Test
    void aPrivateMessageToANameNeitherOnlineNorClaimedIsUnknown() {
        try (var server = NameClaimsTest.start(ServerConfig.forTests(), Clock.systemUTC());
             var alice = as(server, "alice", ALICE_KEY).joined()) {
            dm(alice, "nobody", "hello?", "c1");
            var error = alice.payload("error");
            assertThat(error.get("code").getAsString()).isEqualTo("unknown_user");
            assertThat(error.get("ref").getAsString()).isEqualTo("c1");
        }
    }

    @Test
    void liveMessagesCarryTheConversationsSeqAndAResendIsStoredOnce() throws Exception {
        try (var server = NameClaimsTest.start(sqlite(data), Clock.systemUTC());
             var alice = as(server, "alice", ALICE_KEY).joined();
             var bob = as(server, "bob", BOB_KEY).joined()) {
            dm(alice, "bob", "one", "a1");
            assertThat(alice.payload("dm").get("seq").getAsLong()).isEqualTo(1);
            assertThat(bob.payload("dm").get("seq").getAsLong()).isEqualTo(1);
            dm(bob, "alice", "two", "b1");
            assertThat(bob.payload("dm").get("seq").getAsLong()).isEqualTo(2); // bob's acknowledgement
            var two = alice.payload("dm");
            assertThat(two.get("seq").getAsLong()).isEqualTo(2);
            assertThat(two.has("cid")).isFalse();
            dm(alice, "bob", "one", "a1"); // a resend: answered with the original
            var again = alice.payload("dm");
            assertThat(again.get("seq").getAsLong()).isEqualTo(1);
            assertThat(again.get("cid").getAsString()).isEqualTo("a1");
            assertThat(bob.quietFor("dm", 300)).as("the resend is not delivered again").isTrue();
            assertThat(texts(conversationPage(alice, "bob"))).containsExactly("one", "two");
        }
    }

    /// Issue 34, item 9: another member's message with the same cid and text is his own.
    @Test
    void anotherMembersSameCidAndTextIsStoredAsHisOwnInARoom() {
        for (var config : List.of(sqlite(data), ServerConfig.forTests().withLimits(Limits.DEFAULTS.withRate(0, 0)))) {
            try (var server = TestServers.start(config);
                 var alice = WsClient.connect(server, "clientId=alice").joined();
                 var mallory = WsClient.connect(server, "clientId=mallory").joined()) {
                var message = "{\"type\":\"chat\",\"payload\":{\"text\":\"same\",\"cid\":\"cid-1\"}}";
                alice.send(message);
                var original = alice.payload("chat");
                mallory.payload("chat");
                mallory.send(message);
                var his = mallory.payload("chat");
                assertThat(his.get("from").getAsString()).isEqualTo("mallory");
                assertThat(his.get("seq").getAsLong()).isEqualTo(original.get("seq").getAsLong() + 1);
                assertThat(alice.payload("chat").get("from").getAsString()).isEqualTo("mallory");
            }
        }
    }

    @Test
    void onlyTheTwoMembersFindAConversationBySearch() {
        try (var server = NameClaimsTest.start(ServerConfig.forTests(), Clock.systemUTC());
             var alice = as(server, "alice", ALICE_KEY).joined();
             var bob = as(server, "bob", BOB_KEY).joined();
             var carol = as(server, "carol", "carol-key-0123456789abcdef").joined()) {
            dm(alice, "bob", "the secret plan", "a1");
            alice.payload("dm");
            bob.payload("dm");
            for (var reader : List.of(bob, carol)) {
                reader.send("{\"type\":\"search\",\"payload\":{\"query\":\"secret\"}}");
            }
            var found = bob.payload("results").getAsJsonArray("messages");
            assertThat(found).hasSize(1);
            assertThat(found.get(0).getAsJsonObject().get("room").getAsString()).isEqualTo("@alice");
            assertThat(carol.payload("results").getAsJsonArray("messages")).isEmpty();
        }
    }

    @Test
    void typingGoesToTheOtherMemberOnly() throws Exception {
        try (var server = NameClaimsTest.start(ServerConfig.forTests(), Clock.systemUTC());
             var alice = as(server, "alice", ALICE_KEY).joined();
             var bob = as(server, "bob", BOB_KEY).joined();
             var carol = as(server, "carol", null).joined()) {
            alice.send("{\"type\":\"typing\",\"payload\":{\"to\":\"bob\"}}");
            var typing = bob.payload("typing");
            assertThat(typing.get("from").getAsString()).isEqualTo("alice");
            assertThat(typing.get("to").getAsString()).isEqualTo("bob");
            assertThat(carol.quietFor("typing", 300)).isTrue();
        }
    }

    @Test
    void retentionPrunesConversationsLikeRooms() {
        var config = ServerConfig.forTests().withLimits(Limits.DEFAULTS.withRate(0, 0).withHistoryRetention(3));
        try (var server = NameClaimsTest.start(config, Clock.systemUTC());
             var alice = as(server, "alice", ALICE_KEY).joined();
             var bob = as(server, "bob", BOB_KEY).joined()) {
            for (int i = 1; i <= 5; i++) {
                dm(alice, "bob", "m" + i, "c" + i);
                alice.payload("dm");
            }
            assertThat(texts(conversationPage(bob, "alice"))).containsExactly("m3", "m4", "m5");
        }
    }

    /// A `history.db` of the version before claims and conversations opens, keeps its rooms,
    /// and gains the new table.
    @Test
    void aHistoryFileOfThePreviousVersionOpensAndCarriesOn() throws Exception {
        var file = data.resolve("history.db");
        try (var old = DriverManager.getConnection("jdbc:sqlite:" + file); var sql = old.createStatement()) {
            sql.execute("""
                    CREATE TABLE messages (id INTEGER PRIMARY KEY, room TEXT NOT NULL, seq INTEGER NOT NULL,
                        sender TEXT NOT NULL, text TEXT NOT NULL, time_ms INTEGER NOT NULL, cid TEXT, UNIQUE (room, seq))""");
            sql.execute("CREATE INDEX messages_cid ON messages(cid) WHERE cid IS NOT NULL");
            sql.execute("CREATE VIRTUAL TABLE messages_fts USING fts5(text, content='messages', content_rowid='id', tokenize='trigram')");
            sql.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            sql.execute("INSERT INTO meta VALUES ('epoch', 'old'), ('fts_indexed_through', '0')");
            sql.execute("INSERT INTO messages(room, seq, sender, text, time_ms, cid) VALUES ('lobby', 1, 'ann', 'from before', 0, 'x')");
            sql.execute("PRAGMA user_version = 2");
        }
        try (var server = NameClaimsTest.start(sqlite(data), Clock.systemUTC());
             var alice = as(server, "alice", ALICE_KEY);
             var bob = as(server, "bob", BOB_KEY).joined()) {
            alice.payload("welcome");
            assertThat(texts(alice.payload("history"))).containsExactly("from before");
            dm(alice, "bob", "new kind", "c1");
            assertThat(alice.payload("dm").get("seq").getAsLong()).isEqualTo(1);
            alice.chat("new room line");
            assertThat(alice.payload("chat").get("seq").getAsLong()).isEqualTo(2);
        }
        try (var db = DriverManager.getConnection("jdbc:sqlite:" + file); var sql = db.createStatement();
             var rows = sql.executeQuery("SELECT COUNT(*) FROM names")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(2);
        }
    }
}
