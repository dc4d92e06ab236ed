package dev.rpcadapter.autoconfigure.security;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import dev.rpcadapter.security.crl.RevocationChecker;
import dev.rpcadapter.security.crl.RevocationTrustManagers;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.ssl.SslManagerBundle;

/**
 * The application's SSL bundles as the web server sees them: every bundle's trust
 * managers also check the peer certificate against the CRL. Boot's own server customizer
 * then builds the server {@code SslContext} from them as usual (protocols, ciphers,
 * HTTP/2, client auth, bundle reloads).
 */
final class RevocationCheckingSslBundles implements SslBundles {

	private final SslBundles delegate;

	private final RevocationChecker checker;

	RevocationCheckingSslBundles(SslBundles delegate, RevocationChecker checker) {
		this.delegate = delegate;
		this.checker = checker;
	}

	@Override
	public SslBundle getBundle(String name) throws NoSuchSslBundleException {
		return wrap(this.delegate.getBundle(name));
	}

	@Override
	public void addBundleUpdateHandler(String name, Consumer<SslBundle> updateHandler) throws NoSuchSslBundleException {
		this.delegate.addBundleUpdateHandler(name, (bundle) -> updateHandler.accept(wrap(bundle)));
	}

	@Override
	public void addBundleRegisterHandler(BiConsumer<String, SslBundle> registerHandler) {
		this.delegate.addBundleRegisterHandler((name, bundle) -> registerHandler.accept(name, wrap(bundle)));
	}

	@Override
	public List<String> getBundleNames() {
		return this.delegate.getBundleNames();
	}

	private SslBundle wrap(SslBundle bundle) {
		SslManagerBundle managers = bundle.getManagers();
		SslManagerBundle checking = SslManagerBundle.of(managers.getKeyManagerFactory(),
				RevocationTrustManagers.wrap(managers.getTrustManagerFactory(), this.checker));
		return SslBundle.of(bundle.getStores(), bundle.getKey(), bundle.getOptions(), bundle.getProtocol(), checking);
	}

}
