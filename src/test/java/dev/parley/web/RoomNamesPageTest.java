package dev.parley.web;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.ParleyServer;
import dev.parley.server.ServerConfig;
import dev.parley.server.WsClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/// Rooms named like the properties every JavaScript object has: the page keeps its per-room
/// state where such a name is just a name, so their messages show, and a room named
/// `__proto__` cannot put lines into another room.
@Timeout(value = 120, unit = SECONDS)
class RoomNamesPageTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final List<String> ROOMS = List.of("toString", "constructor", "hasOwnProperty", "lobby");

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (var closeable : open.reversed()) {
            closeable.close();
        }
    }

    private WsClient member(ParleyServer server, String name, String room) {
        var client = WsClient.connect(server.localUri(), "clientId=" + name + "&room=" + room, Map.of(), true);
        open.add(client);
        client.next("history");
        return client;
    }

    private static void said(WsClient member, String text) {
        member.chat(text);
        member.next("chat");
    }

    /// Joins `room` with the page's "+" button (its prompt answered by a stand-in) and waits
    /// until the room's history shows `expected`.
    private static void joinRoom(Browser browser, String room, String expected) {
        browser.script("window.prompt = () => '" + room + "'; return true");
        browser.click("#rooms button:last-child");
        browser.awaitText("#log", log -> log.contains(expected), WAIT);
    }

    @Test
    void roomsNamedLikeObjectPropertiesShowTheirMessagesAndStayApart() throws Exception {
        var server = ParleyServer.start(ServerConfig.forTests());
        open.add(server);
        var mallory = member(server, "mallory", "__proto__");
        for (int i = 1; i <= 5; i++) {
            said(mallory, "forged " + i);
        }
        var speakers = new java.util.LinkedHashMap<String, WsClient>();
        for (var room : ROOMS) {
            speakers.put(room, member(server, "carl-" + room, room));
            said(speakers.get(room), "first in " + room);
        }

        var victim = new Browser();
        open.add(victim);
        victim.open("http://127.0.0.1:" + server.port() + "/?room=__proto__");
        victim.type("#name", "victim");
        victim.click("#join-button");
        victim.awaitText("#log", log -> log.contains("forged 5"), WAIT);
        for (var room : ROOMS) {
            joinRoom(victim, room, "first in " + room);
        }
        said(mallory, "forged 6");
        for (var room : ROOMS) {
            said(speakers.get(room), "then in " + room);
        }

        for (int i = 0; i < ROOMS.size(); i++) {
            var room = ROOMS.get(i);
            victim.click("#rooms button:nth-child(" + (i + 2) + ")");
            var log = victim.awaitText("#log", text -> text.contains("then in " + room), WAIT);
            assertThat(log).as(room).contains("first in " + room).doesNotContain("forged");
            for (var other : ROOMS) {
                if (!other.equals(room)) {
                    assertThat(log).as(room).doesNotContain("in " + other);
                }
            }
        }
        victim.click("#rooms button:nth-child(1)");
        assertThat(victim.awaitText("#log", log -> log.contains("forged 6"), WAIT)).contains("forged 1", "forged 5");
    }
}
