package se.driftinfo.kit.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void anIpv4AddressIsItsOwnKey() {
        assertEquals("192.0.2.7", ClientAddress.network("192.0.2.7"));
    }

    @Test
    void anIpv6AddressCountsByItsSlash64() {
        assertEquals("2001:db8:1:2:0:0:0:0/64", ClientAddress.network("2001:db8:1:2:aaaa:bbbb:cccc:dddd"));
        assertEquals(ClientAddress.network("2001:db8:1:2::1"), ClientAddress.network("[2001:db8:1:2::ffff]"));
    }
}
