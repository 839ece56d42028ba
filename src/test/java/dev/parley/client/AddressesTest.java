package dev.parley.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            localhost                     | ws://localhost:3001/ws
            192.168.1.20                  | ws://192.168.1.20:3001/ws
            '  192.168.1.20:4000  '       | ws://192.168.1.20:4000/ws
            [::1]:3001                    | ws://[::1]:3001/ws
            [::1]                         | ws://[::1]:3001/ws
            ::1                           | ws://[::1]:3001/ws
            fe80::1%eth0                  | ws://[fe80::1%eth0]:3001/ws
            chat.example.org              | ws://chat.example.org:3001/ws
            ws://host                     | ws://host:3001/ws
            ws://host:5000/ws             | ws://host:5000/ws
            wss://host:443/               | wss://host:443/ws
            WSS://Host:8443               | wss://Host:8443/ws
            ws://host:5000/parley         | ws://host:5000/parley/ws
            ws://[::1]:3001/ws            | ws://[::1]:3001/ws
            http://host:80                | ws://host:80/ws
            https://host                  | wss://host:3001/ws
            parley://host:4000/lobby      | ws://host:4000/ws
            parley://[::1]:4000/x?fp=ABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABAB | wss://[::1]:4000/ws
            """)
    void readsWhatUsersType(String input, String expected) {
        assertThat(Addresses.parse(input)).hasToString(expected);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @CsvSource(delimiter = '|', textBlock = """
            ''                   | Enter a server address
            '   '                | Enter a server address
            host:0               | Port must be a number from 1 to 65535
            host:70000           | Port must be a number from 1 to 65535
            host:abc             | Port must be a number from 1 to 65535
            ftp://host           | must start with ws:// or wss://
            ws://                | not a valid address
            '[::1'               | missing its closing ']'
            '[::1]x'             | after the IPv6 address
            'bad host'           | not a valid host name
            'user@host'          | must not contain a user name
            ws://host:0/ws       | Port must be a number from 1 to 65535
            """)
    void refusesWithAMessageForTheUser(String input, String message) {
        assertThatThrownBy(() -> Addresses.parse(input))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @org.junit.jupiter.api.Test
    void refusesNull() {
        assertThatThrownBy(() -> Addresses.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
