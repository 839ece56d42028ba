package dev.parley.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/// Every message record's wire `type` is one the other side decodes: a new record cannot be
/// added without its decoder (ServerBound's table, ClientBound's switch), nor under a name the
/// decoder spells differently.
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class WireTypesTest {

    static Stream<Class<?>> toServer() {
        return Arrays.stream(Message.ToServer.class.getPermittedSubclasses());
    }

    static Stream<Class<?>> toClient() {
        return Arrays.stream(Message.ToClient.class.getPermittedSubclasses());
    }

    @ParameterizedTest
    @MethodSource("toServer")
    void theServerKnowsEveryTypeAClientSends(Class<?> record) throws Exception {
        var decoded = new Codec(Limits.DEFAULTS).decodeToServer("{\"type\":\"" + typeOf(record) + "\",\"payload\":{}}");
        if (decoded instanceof Checked.Refused<?> refused) {
            assertThat(refused.message()).doesNotContain("unknown message type");
        }
    }

    @ParameterizedTest
    @MethodSource("toClient")
    void theClientKnowsEveryTypeAServerSends(Class<?> record) throws Exception {
        var decoded = Codec.decodeToClient("{\"type\":\"" + typeOf(record) + "\",\"payload\":{}}");
        if (decoded instanceof Checked.Refused<?> refused) {
            assertThat(refused.message()).doesNotContain("unknown message type");
        }
    }

    /// `type()` of an instance made of default values: the wire name does not depend on the fields.
    private static String typeOf(Class<?> record) throws Exception {
        var components = record.getRecordComponents();
        var types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        var values = Arrays.stream(types).map(WireTypesTest::defaultValue).toArray();
        return ((Message) record.getDeclaredConstructor(types).newInstance(values)).type();
    }

    private static Object defaultValue(Class<?> type) {
        if (type == long.class) return 0L;
        if (type == int.class) return 0;
        if (type == double.class) return 0.0;
        if (type == boolean.class) return false;
        return null;
    }
}
