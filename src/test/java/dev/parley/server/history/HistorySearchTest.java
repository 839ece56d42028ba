package dev.parley.server.history;

import static dev.parley.server.history.SqliteHistoryStoreTest.store;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.Message.Chat;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// FTS5 with the trigram tokenizer (bundled SQLite has both), LIKE for 1–2 character terms.
@Timeout(30)
class HistorySearchTest {

    @TempDir
    static Path dir;

    // One store for the class: every test only reads it.
    private static SqliteHistoryStore store;

    @BeforeAll
    static void fill() {
        store = SqliteHistoryStore.open(dir.resolve("history.db"), 1_000);
        store(store, "lobby", "alice", "Hello brave new world", null);
        store(store, "dev", "bob", "the build is green again", null);
        store(store, "lobby", "carol", "hello again, world", null);
        store(store, "中文", "李雷", "今天天气很好，我们去公园吧", null);
        store(store, "中文", "韩梅梅", "明天的天气不好", null);
        store(store, "lobby", "dave", "100% done_now", null);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private List<String> texts(String query) {
        return store.search(query, 10).stream().map(Chat::text).toList();
    }

    @Test
    void englishWordsMatchCaseInsensitivelyNewestFirstAcrossRooms() {
        assertThat(texts("HELLO")).containsExactly("hello again, world", "Hello brave new world");
        assertThat(texts("again")).containsExactly("hello again, world", "the build is green again");
        assertThat(texts("world brave")).containsExactly("Hello brave new world");
        assertThat(texts("uil")).containsExactly("the build is green again");
        assertThat(store.search("hello", 1)).extracting(Chat::from).containsExactly("carol");
    }

    @Test
    void chineseSubstringsAreFoundWithoutSpacesBetweenWords() {
        assertThat(texts("天气很好")).containsExactly("今天天气很好，我们去公园吧");
        assertThat(texts("去公园")).containsExactly("今天天气很好，我们去公园吧");
        assertThat(texts("天气")).containsExactly("明天的天气不好", "今天天气很好，我们去公园吧");
        assertThat(texts("园")).containsExactly("今天天气很好，我们去公园吧");
        assertThat(texts("天气 不好")).containsExactly("明天的天气不好");
    }

    @Test
    void shortTermsAndMixedTermsUseBothPaths() {
        assertThat(texts("wo")).containsExactly("hello again, world", "Hello brave new world");
        assertThat(texts("hello ne")).containsExactly("Hello brave new world");
        assertThat(texts("%")).containsExactly("100% done_now");
        assertThat(texts("_")).containsExactly("100% done_now");
        assertThat(texts("o%")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"", "\"hello", "hello NOT world", "NEAR(a b)", "*", "-world", "a:b", "\\", "'; DROP TABLE messages; --"})
    void querySyntaxInTheSearchTextIsSearchedForNotInterpreted(String query) {
        assertThat(store.search(query, 10)).isEmpty();
        assertThat(store.lastSeq("lobby")).isEqualTo(3);
        assertThat(texts("hello")).hasSize(2);
    }

    @Test
    void blankQueriesAndZeroLimitsFindNothing() {
        assertThat(store.search("", 10)).isEmpty();
        assertThat(store.search("   ", 10)).isEmpty();
        assertThat(store.search(null, 10)).isEmpty();
        assertThat(store.search("hello", 0)).isEmpty();
    }
}
