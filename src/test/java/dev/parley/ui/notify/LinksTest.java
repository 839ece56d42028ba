package dev.parley.ui.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.ui.notify.Links.Link;
import dev.parley.ui.notify.Links.Plain;
import dev.parley.ui.notify.Links.Segment;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinksTest {

    @Test
    void splitsTextAroundHttpAndHttpsLinks() {
        assertThat(Links.split("see https://example.org/a?b=1 and http://10.0.0.2:3001/ now")).containsExactly(
                new Plain("see "), new Link("https://example.org/a?b=1", URI.create("https://example.org/a?b=1")),
                new Plain(" and "), new Link("http://10.0.0.2:3001/", URI.create("http://10.0.0.2:3001/")),
                new Plain(" now"));
    }

    @Test
    void sentencePunctuationAndAnUnopenedBracketAreNotPartOfTheLink() {
        assertThat(links("(see https://example.org/wiki/A_(b)), then https://example.org/x.")).containsExactly(
                "https://example.org/wiki/A_(b)", "https://example.org/x");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "javascript:alert(1)", "file:///etc/passwd", "ftp://example.org", "data:text/html,<b>x</b>",
            "https://", "http:// spaced.org", "xhttps://example.org", "<a href=\"x\">https</a>", "www.example.org"})
    void nothingElseIsALinkAndTheTextStaysLiteral(String text) {
        var segments = Links.split(text);
        assertThat(segments).allMatch(s -> s instanceof Plain);
        assertThat(joined(segments)).isEqualTo(text);
    }

    @Test
    void joiningTheSegmentsGivesTheTextBackUnchanged() {
        var text = "中文 https://例子.example/路径 <b>not markup</b> HTTPS://EXAMPLE.ORG/X!";
        assertThat(joined(Links.split(text))).isEqualTo(text);
        assertThat(links(text)).contains("HTTPS://EXAMPLE.ORG/X");
    }

    private static List<String> links(String text) {
        return Links.split(text).stream().filter(s -> s instanceof Link).map(Segment::text).toList();
    }

    private static String joined(List<Segment> segments) {
        return segments.stream().map(Segment::text).collect(Collectors.joining());
    }
}
