package dev.rpcadapter.autoconfigure.security;

import java.util.function.Supplier;

import dev.rpcadapter.security.crl.RevocationChecker;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.web.server.AbstractConfigurableWebServerFactory;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Makes the web server check client certificates against the CRL during the TLS
 * handshake. Runs after Boot's {@code ReactiveWebServerFactoryCustomizer} (order 0),
 * which hands the server the application's SSL bundles, and replaces them with
 * {@link RevocationCheckingSslBundles}; a revoked client certificate then fails the
 * handshake.
 */
final class RevocationWebServerFactoryCustomizer
		implements WebServerFactoryCustomizer<AbstractConfigurableWebServerFactory>, Ordered {

	private final Supplier<@Nullable RevocationChecker> checker;

	/**
	 * @param checker the CRL checker, supplying {@code null} when no CRL is configured
	 */
	RevocationWebServerFactoryCustomizer(Supplier<@Nullable RevocationChecker> checker) {
		this.checker = checker;
	}

	@Override
	public void customize(AbstractConfigurableWebServerFactory factory) {
		SslBundles bundles = factory.getSslBundles();
		if (!Ssl.isEnabled(factory.getSsl()) || bundles == null || bundles instanceof RevocationCheckingSslBundles) {
			return;
		}
		RevocationChecker revocation = this.checker.get();
		if (revocation != null) {
			factory.setSslBundles(new RevocationCheckingSslBundles(bundles, revocation));
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
