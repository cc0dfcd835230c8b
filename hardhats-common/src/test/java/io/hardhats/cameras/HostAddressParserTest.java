package io.hardhats.cameras;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Hosts read as glibc's inet_aton / inet_pton read them (checked against glibc by hand). */
class HostAddressParserTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "0x7f000001, 127.0.0.1",
            "017700000001, 127.0.0.1",
            "0x0, 0.0.0.0",
            "0, 0.0.0.0",
            "127.1, 127.0.0.1",
            "127.0.1, 127.0.0.1",
            "0177.0.0.1, 127.0.0.1",
            "0177.1, 127.0.0.1",
            "2130706433, 127.0.0.1",
            "0x7f.1, 127.0.0.1",
            "0X7F.0X0.0X0.0X1, 127.0.0.1",
            "0x00000000007f000001, 127.0.0.1",
            "169.254.43518, 169.254.169.254",
            "0xa9fea9fe, 169.254.169.254",
            "2852039166, 169.254.169.254",
            "0251.0376.0251.0376, 169.254.169.254",
            "192.0.2.10, 192.0.2.10",
            "010.0.0.1, 8.0.0.1",
            "4294967295, 255.255.255.255",
            "'[::1]', 0:0:0:0:0:0:0:1",
            "'[::]', 0:0:0:0:0:0:0:0",
            "'[::ffff:127.0.0.1]', 127.0.0.1",
            "'[::ffff:7f00:1]', 127.0.0.1",
            "'[0:0:0:0:0:ffff:a9fe:a9fe]', 169.254.169.254",
            "'[::127.0.0.1]', 0:0:0:0:0:0:7f00:1",
            "'[2001:db8::1]', 2001:db8:0:0:0:0:0:1",
            "'[fe80::1]', fe80:0:0:0:0:0:0:1",
            "'[1:2:3:4:5:6:7:8]', 1:2:3:4:5:6:7:8",
    })
    void readsEveryFormTheCLibraryReads(String host, String address) throws Exception {
        assertThat(HostAddressParser.literal(host)).map(InetAddress::getHostAddress).contains(address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"camera.example.com", "localhost", "localhost.", "1.2.3.4.nip.io", "cam-01", "0xg",
            "1e1", "xn--e1afmkfd.xn--p1ai", "127.0.0.1x"})
    void namesAreLeftToTheResolver(String host) throws Exception {
        assertThat(HostAddressParser.literal(host)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.3.4.5", "08.1.1.1", "0x", "1.0x", "4294967296", "0x100000000", "256.0.0.1",
            "1.256.0.1", "1.2.65536", "1.16777216", "127.0.0.1.", "1..1", ".1", "cam.123", "١٢٧.0.0.1", "",
            "[fe80::1%25eth0]", "[fe80::1%eth0]", "[::1", "::1", "[1:2:3:4:5:6:7:8:9]", "[1::2::3]", "[12345::]",
            "[::ffff:0177.0.0.1]", "[::ffff:127.1]", "[::ffff:127.0.0.01]", "[:1::]", "[1:2:3:4:5:6:7]", "[]",
            "[::g]"})
    void refusesWhatReadersCouldDisagreeOn(String host) {
        assertThatThrownBy(() -> HostAddressParser.literal(host)).isInstanceOf(HostAddressParser.Ambiguous.class);
    }
}
