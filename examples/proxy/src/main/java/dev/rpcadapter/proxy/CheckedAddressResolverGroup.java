package dev.rpcadapter.proxy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.InetNameResolver;
import io.netty.resolver.InetSocketAddressResolver;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;

/**
 * Resolves the host of every outgoing call and refuses addresses the
 * {@link ServerUrlPolicy} does not allow. The connection goes to the address that was
 * checked, so a name that resolved to an allowed address at registration and to
 * 169.254.169.254 now (DNS rebinding) is not called. Resolution is the JDK's, blocking as
 * Netty's default resolver is.
 */
final class CheckedAddressResolverGroup extends AddressResolverGroup<InetSocketAddress> {

	private final ServerUrlPolicy policy;

	CheckedAddressResolverGroup(ServerUrlPolicy policy) {
		this.policy = policy;
	}

	@Override
	protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
		return new InetSocketAddressResolver(executor, new CheckedNameResolver(executor, this.policy));
	}

	private static final class CheckedNameResolver extends InetNameResolver {

		private final ServerUrlPolicy policy;

		CheckedNameResolver(EventExecutor executor, ServerUrlPolicy policy) {
			super(executor);
			this.policy = policy;
		}

		@Override
		protected void doResolve(String host, Promise<InetAddress> promise) {
			try {
				promise.setSuccess(checked(host)[0]);
			}
			catch (RuntimeException ex) {
				promise.setFailure(ex);
			}
		}

		@Override
		protected void doResolveAll(String host, Promise<List<InetAddress>> promise) {
			try {
				promise.setSuccess(List.of(checked(host)));
			}
			catch (RuntimeException ex) {
				promise.setFailure(ex);
			}
		}

		private InetAddress[] checked(String host) {
			InetAddress[] addresses = ServerUrlPolicy.resolve(host);
			this.policy.checkAddresses(host, addresses);
			return addresses;
		}

	}

}
