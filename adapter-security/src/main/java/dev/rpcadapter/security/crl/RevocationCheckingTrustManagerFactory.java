package dev.rpcadapter.security.crl;

import java.security.InvalidAlgorithmParameterException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.util.Arrays;

import javax.net.ssl.ManagerFactoryParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.TrustManagerFactorySpi;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A trust manager factory whose X.509 trust managers also check revocation.
 */
final class RevocationCheckingTrustManagerFactory extends TrustManagerFactory {

	RevocationCheckingTrustManagerFactory(TrustManagerFactory delegate, RevocationChecker checker) {
		super(new Spi(delegate, checker), delegate.getProvider(), delegate.getAlgorithm());
	}

	private static final class Spi extends TrustManagerFactorySpi {

		private final TrustManagerFactory delegate;

		private final RevocationChecker checker;

		Spi(TrustManagerFactory delegate, RevocationChecker checker) {
			this.delegate = delegate;
			this.checker = checker;
		}

		@Override
		protected void engineInit(KeyStore keyStore) throws KeyStoreException {
			this.delegate.init(keyStore);
		}

		@Override
		protected void engineInit(ManagerFactoryParameters parameters) throws InvalidAlgorithmParameterException {
			this.delegate.init(parameters);
		}

		@Override
		protected TrustManager[] engineGetTrustManagers() {
			return Arrays.stream(this.delegate.getTrustManagers()).map(this::wrap).toArray(TrustManager[]::new);
		}

		private TrustManager wrap(TrustManager manager) {
			if (manager instanceof X509ExtendedTrustManager x509) {
				return new RevocationCheckingTrustManager(x509, this.checker);
			}
			throw new IllegalStateException("Cannot add revocation checks to trust manager "
					+ manager.getClass().getName() + ": it is not an X509ExtendedTrustManager");
		}

	}

}
