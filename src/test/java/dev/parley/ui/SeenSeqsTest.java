package dev.parley.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeenSeqsTest {

    private final SeenSeqs seen = new SeenSeqs();

    @Test
    void eachSeqIsNewOnce() {
        assertThat(seen.add(500)).isTrue();
        assertThat(seen.add(501)).isTrue();
        assertThat(seen.add(500)).isFalse();
        assertThat(seen.add(501)).isFalse();
        assertThat(seen.add(502)).isTrue();
    }

    @Test
    void olderHistoryPutInFrontCountsToo() {
        seen.add(100_000);
        // Within the margin below the first seq, and below it (seq 1): both remembered.
        assertThat(seen.add(99_000)).isTrue();
        assertThat(seen.add(99_000)).isFalse();
        assertThat(seen.add(1)).isTrue();
        assertThat(seen.add(1)).isFalse();
        assertThat(seen.add(100_000 - SeenSeqs.MARGIN - 1)).isTrue();
        assertThat(seen.add(100_000 - SeenSeqs.MARGIN - 1)).isFalse();
    }

    @Test
    void seqsFarApartStayCorrectWithoutHugeBits() {
        assertThat(seen.add(1)).isTrue();
        assertThat(seen.add(Long.MAX_VALUE)).isTrue();
        assertThat(seen.add(Long.MAX_VALUE)).isFalse();
        assertThat(seen.add(SeenSeqs.SPAN - 1)).isTrue();
        assertThat(seen.add(SeenSeqs.SPAN)).isTrue();
        assertThat(seen.add(SeenSeqs.SPAN)).isFalse();
        assertThat(seen.add(1)).isFalse();
    }
}
