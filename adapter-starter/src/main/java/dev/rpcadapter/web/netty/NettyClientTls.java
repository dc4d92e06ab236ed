package dev.rpcadapter.web.netty;

import java.util.Arrays;

import javax.net.ssl.SSLException;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslOptions;

/**
 * A Netty client {@link SslContext} from a Spring Boot {@link SslBundle}: its key
 * managers (the client certificate for mTLS), trust managers, ciphers and protocols. Used
 * for calls to the proxy, and useful to any Reactor Netty client of an adapter behind
 * mTLS.
 */
public final class NettyClientTls {

	private NettyClientTls() {
	}

	/**
	 * Builds the context.
	 * @param bundle the SSL bundle
	 * @return a client context that verifies the server against the bundle's trust
	 * material
	 * @throws IllegalStateException when the bundle's material cannot be used
	 */
	public static SslContext fromBundle(SslBundle bundle) {
		SslContextBuilder builder = SslContextBuilder.forClient()
			.keyManager(bundle.getManagers().getKeyManagerFactory())
			.trustManager(bundle.getManagers().getTrustManagerFactory());
		SslOptions options = bundle.getOptions();
		if (options.getCiphers() != null) {
			builder.ciphers(Arrays.asList(options.getCiphers()));
		}
		if (options.getEnabledProtocols() != null) {
			builder.protocols(options.getEnabledProtocols());
		}
		try {
			return builder.build();
		}
		catch (SSLException ex) {
			throw new IllegalStateException("Cannot build a TLS context from the SSL bundle: " + ex.getMessage(), ex);
		}
	}

}
