package dev.parley.discovery;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.stream.Stream;

/// Installed only in the [NamespaceChild] JVMs (through a service file on their class path):
/// every name lookup, forward or reverse, is refused and reported on stdout as `dns …`, so the
/// test can show that announcing and browsing ask no DNS server anything.
public final class NoLookupResolverProvider extends InetAddressResolverProvider {

    @Override
    public InetAddressResolver get(Configuration configuration) {
        return new InetAddressResolver() {
            @Override
            public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
                System.out.println("dns lookup " + host);
                throw new UnknownHostException("no lookups in discovery: " + host);
            }

            @Override
            public String lookupByAddress(byte[] address) throws UnknownHostException {
                var text = InetAddress.getByAddress(address).getHostAddress();
                System.out.println("dns reverse lookup " + text);
                throw new UnknownHostException("no reverse lookups in discovery: " + text);
            }
        };
    }

    @Override
    public String name() {
        return "parley-no-lookups";
    }
}
