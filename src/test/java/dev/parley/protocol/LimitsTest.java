package dev.parley.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.parley.protocol.Message.AdvertisedLimits;
import dev.parley.protocol.Message.Welcome;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// A message rate that JSON cannot carry (NaN, infinity) or that makes no sense is refused when
/// the limits are made, not when `welcome` is encoded for the first client.
class LimitsTest {

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -1})
    void impossibleRatesAreRefused(double rate) {
        assertThatIllegalArgumentException().isThrownBy(() -> Limits.DEFAULTS.withRate(rate, 10));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 0.5, 20, 1e6})
    void everyAcceptedRateCanBeAdvertised(double rate) {
        var limits = Limits.DEFAULTS.withRate(rate, 10);
        var welcome = new Welcome("a", "lobby", List.of("lobby"), null,
                new AdvertisedLimits(limits.maxTextChars(), limits.maxFrameBytes(), limits.messagesPerSecond()), null);

        assertThat(Codec.decodeToClient(Codec.encode(welcome)).orThrow()).isEqualTo(welcome);
        assertThat(limits.rateLimited()).isEqualTo(rate > 0);
    }
}
