package dev.rpcadapter.proxy;

import java.net.InetSocketAddress;
import java.util.List;

import io.netty.resolver.AddressResolver;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ImmediateEventExecutor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The server_url policy, and its check of the addresses resolved when a call connects
 * (DNS rebinding).
 */
class ServerUrlPolicyTests {

	@Test
	void callTimeResolutionRefusesAHostThatNowResolvesToADeniedAddress() {
		// "localhost" stands for a name whose DNS answer changed after registration: the
		// connect-time
		// resolution is checked again, whatever the registration saw
		AddressResolver<InetSocketAddress> resolver = new CheckedAddressResolverGroup(policy(false))
			.getResolver(ImmediateEventExecutor.INSTANCE);

		Future<InetSocketAddress> resolved = resolver.resolve(InetSocketAddress.createUnresolved("localhost", 80));

		assertThat(resolved.isSuccess()).isFalse();
		assertThat(resolved.cause()).isInstanceOf(ServerUrlPolicy.RejectedUrlException.class);
		Future<InetSocketAddress> allowed = new CheckedAddressResolverGroup(policy(true))
			.getResolver(ImmediateEventExecutor.INSTANCE)
			.resolve(InetSocketAddress.createUnresolved("localhost", 80));
		assertThat(allowed.isSuccess()).isTrue();
	}

	@Test
	void networksAllowListRefusesAddressesOutsideIt() {
		ProxyProperties.ServerUrls urls = new ProxyProperties.ServerUrls();
		urls.setNetworks(List.of("10.0.0.0/8"));
		ServerUrlPolicy policy = new ServerUrlPolicy(urls);

		assertThatNoException().isThrownBy(() -> policy.checkResolved("https://10.1.2.3:8443"));
		assertThatExceptionOfType(ServerUrlPolicy.RejectedUrlException.class)
			.isThrownBy(() -> policy.checkResolved("https://192.168.1.1:8443"));
	}

	@Test
	void hostsAllowListAndSchemes() {
		ProxyProperties.ServerUrls urls = new ProxyProperties.ServerUrls();
		urls.setHosts(List.of("*.example.com"));
		urls.setSchemes(List.of("https"));
		ServerUrlPolicy policy = new ServerUrlPolicy(urls);

		assertThatNoException().isThrownBy(() -> policy.check("https://a.example.com"));
		assertThatExceptionOfType(ServerUrlPolicy.RejectedUrlException.class)
			.isThrownBy(() -> policy.check("https://example.org"));
		assertThatExceptionOfType(ServerUrlPolicy.RejectedUrlException.class)
			.isThrownBy(() -> policy.check("http://a.example.com"));
	}

	private static ServerUrlPolicy policy(boolean allowLoopback) {
		ProxyProperties.ServerUrls urls = new ProxyProperties.ServerUrls();
		urls.setAllowLoopback(allowLoopback);
		return new ServerUrlPolicy(urls);
	}

}
