package dev.parley.ui.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MentionsTest {

    @ParameterizedTest(name = "{0} in \"{1}\" → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            bob    | bob                      | true
            bob    | @bob can you look?       | true
            bob    | thanks, Bob!             | true
            bob    | BOB                      | true
            bob    | (bob)                    | true
            bob    | bobby is here            | false
            bob    | kebob for lunch          | false
            bob    | bob_2 said               | false
            bob    | nobody                   | false
            Ann Lee| hi ann lee, welcome      | true
            Ann Lee| hi annlee                | false
            张三    | 你好张三，开会了           | true
            张三    | 张三丰来了                 | true
            bob    | ''                       | false
            ''     | anything                 | false
            """)
    void findsTheNameAsAWholeWordInAnyCase(String name, String text, boolean mentioned) {
        assertThat(new Mentions(name).in(text)).isEqualTo(mentioned);
    }
}
