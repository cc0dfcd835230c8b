package io.hardhats.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

class IpLiteralTest {

    @Test
    void acceptsOnlyPlainAddressLiterals() {
        assertThat(IpLiteral.parse("198.51.100.7")).map(InetAddress::getHostAddress).hasValue("198.51.100.7");
        assertThat(IpLiteral.parse(" 10.0.0.1 ")).map(InetAddress::getHostAddress).hasValue("10.0.0.1");
        assertThat(IpLiteral.parse("::1")).map(InetAddress::getHostAddress).hasValue("0:0:0:0:0:0:0:1");
        assertThat(IpLiteral.parse("2001:DB8::7")).map(InetAddress::getHostAddress).hasValue("2001:db8:0:0:0:0:0:7");
        for (String text : new String[] {"", "localhost", "example.com", "0x7f000001", "017700000001", "127.1",
                "0177.0.0.1", "256.1.1.1", "1.2.3", "1.2.3.4.5", "01.2.3.4", "<script>", "fe80::1%eth0", ":::",
                "1.2.3.4,5.6.7.8"}) {
            assertThat(IpLiteral.parse(text)).as(text).isEmpty();
        }
    }

    @Test
    void cidrBlocksContainTheirAddressesOnly() {
        Cidr block = Cidr.parse("10.0.0.0/8");
        assertThat(block.contains(IpLiteral.parse("10.255.1.2").orElseThrow())).isTrue();
        assertThat(block.contains(IpLiteral.parse("11.0.0.1").orElseThrow())).isFalse();
        assertThat(block.contains(IpLiteral.parse("::ffff:10.0.0.1").orElseThrow())).as("mapped forms are IPv4")
                .isTrue();
        assertThat(Cidr.parse("fd00::/8").contains(IpLiteral.parse("fd12::1").orElseThrow())).isTrue();
        assertThat(Cidr.parse("fd00::/8").contains(IpLiteral.parse("10.0.0.1").orElseThrow())).isFalse();
        assertThat(Cidr.parse("127.0.0.1").contains(IpLiteral.parse("127.0.0.2").orElseThrow())).isFalse();
    }
}
