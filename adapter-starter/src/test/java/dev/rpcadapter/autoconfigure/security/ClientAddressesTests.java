package dev.rpcadapter.autoconfigure.security;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.List;

import dev.rpcadapter.web.AdapterRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Which address {@link ClientAddresses} keys a request on, with and without trusted
 * proxies.
 */
class ClientAddressesTests {

	private final ClientAddresses noProxies = new ClientAddresses(List.of());

	private final ClientAddresses behindProxies = new ClientAddresses(
			List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("fd00::/8")));

	@Test
	void forwardedHeadersOfAnUntrustedPeerAreIgnored() {
		assertThat(this.noProxies.key(request("198.51.100.7", "203.0.113.1"))).isEqualTo("198.51.100.7");
		assertThat(this.behindProxies.key(request("198.51.100.7", "203.0.113.1"))).isEqualTo("198.51.100.7");
	}

	@Test
	void aTrustedProxysHeaderIsReadFromTheRightToTheFirstUntrustedAddress() {
		// the client wrote "1.2.3.4" itself; the proxies appended the real client and
		// each other
		assertThat(this.behindProxies.key(request("10.0.0.2", "1.2.3.4, 203.0.113.9, 10.0.0.1")))
			.isEqualTo("203.0.113.9");
		assertThat(this.behindProxies.key(request("10.0.0.2", null))).isEqualTo("10.0.0.2");
		assertThat(this.behindProxies.key(request("10.0.0.2", "10.0.0.5"))).as("only proxies: the last one seen")
			.isEqualTo("10.0.0.5");
	}

	@Test
	void aProxyThatAddsAHeaderLineOfItsOwnIsReadAfterTheClientsLine() {
		AdapterRequest request = requestWithLines("10.0.0.2", List.of("1.2.3.4", "203.0.113.9"));
		assertThat(this.behindProxies.key(request)).isEqualTo("203.0.113.9");
	}

	@Test
	void anEntryThatIsNoAddressEndsTheWalk() {
		assertThat(this.behindProxies.key(request("10.0.0.2", "203.0.113.9, unknown"))).isEqualTo("10.0.0.2");
		assertThat(this.behindProxies.key(request("10.0.0.2", "evil.example.com"))).isEqualTo("10.0.0.2");
		assertThat(this.behindProxies.key(request("10.0.0.2", "[2001:db8::1]:443")))
			.isEqualTo("2001:db8:0:0:0:0:0:0/64");
		assertThat(this.behindProxies.key(request("10.0.0.2", "203.0.113.9:5000"))).isEqualTo("203.0.113.9");
	}

	@Test
	void ipv6AddressesAreAggregatedToTheirSlash64() {
		assertThat(this.noProxies.key(request("2001:db8:1:2:aaaa::1", null))).isEqualTo("2001:db8:1:2:0:0:0:0/64");
		assertThat(this.behindProxies.key(request("fd00::1", "2001:db8:1:2::5"))).isEqualTo("2001:db8:1:2:0:0:0:0/64");
	}

	@Test
	void cidrRangesMatchTheirPrefixOnly() throws Exception {
		Cidr range = Cidr.parse("192.168.4.0/22");
		assertThat(range.contains(InetAddress.getByName("192.168.7.255"))).isTrue();
		assertThat(range.contains(InetAddress.getByName("192.168.8.0"))).isFalse();
		assertThat(range.contains(InetAddress.getByName("::1"))).isFalse();
		assertThat(Cidr.parse("::1").contains(InetAddress.getByName("::1"))).isTrue();
		assertThat(Cidr.parse("0.0.0.0/0").contains(InetAddress.getByName("8.8.8.8"))).isTrue();
		assertThatIllegalArgumentException().isThrownBy(() -> Cidr.parse("10.0.0.0/33"));
		assertThatIllegalArgumentException().isThrownBy(() -> Cidr.parse("proxy.internal"));
		assertThatIllegalArgumentException().isThrownBy(() -> Cidr.parse("10.0.0.0/x"));
	}

	static AdapterRequest request(String peer, @Nullable String forwardedFor) {
		return requestWithLines(peer, (forwardedFor != null) ? List.of(forwardedFor) : List.of());
	}

	static AdapterRequest requestWithLines(String peer, List<String> forwardedFor) {
		return new AdapterRequest() {

			@Override
			public String method() {
				return "POST";
			}

			@Override
			public String path() {
				return "/api/jsonrpc";
			}

			@Override
			public @Nullable String header(String name) {
				List<String> values = headers(name);
				return values.isEmpty() ? null : values.get(0);
			}

			@Override
			public List<String> headers(String name) {
				return "X-Forwarded-For".equalsIgnoreCase(name) ? forwardedFor : List.of();
			}

			@Override
			public InetSocketAddress remoteAddress() {
				// what Boot's forwarded-header support would report: the header's first
				// entry
				return new InetSocketAddress(!forwardedFor.isEmpty() ? "203.0.113.250" : peer, 40000);
			}

			@Override
			public InetSocketAddress peerAddress() {
				return new InetSocketAddress(peer, 40000);
			}

			@Override
			public List<X509Certificate> peerCertificates() {
				return List.of();
			}

			@Override
			public boolean isSecure() {
				return false;
			}
		};
	}

}
