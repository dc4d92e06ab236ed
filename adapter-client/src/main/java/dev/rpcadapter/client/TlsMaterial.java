package dev.rpcadapter.client;

import java.nio.file.Path;
import java.security.KeyStore;

import javax.net.ssl.SSLContext;

import org.jspecify.annotations.Nullable;

/**
 * The TLS options a user chose; {@link SslContexts} turns them into an
 * {@link SSLContext}.
 *
 * @param caPem PEM file with trusted CA certificates
 * @param trustStore trust store with trusted certificates
 * @param sslContext a complete user-supplied context
 * @param trustAll whether every certificate is accepted (dangerous)
 * @param certificatePem client certificate chain (PEM)
 * @param privateKeyPem client private key (PKCS#8 PEM)
 * @param keyStore client key store
 * @param keyPassword password of the key store's key entry
 */
record TlsMaterial(@Nullable Path caPem, @Nullable KeyStore trustStore, @Nullable SSLContext sslContext,
		boolean trustAll, @Nullable Path certificatePem, @Nullable Path privateKeyPem, @Nullable KeyStore keyStore,
		char @Nullable [] keyPassword) {

	/**
	 * @return a builder with nothing configured
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * @return whether any TLS option was set
	 */
	public boolean isConfigured() {
		return this.caPem != null || this.trustStore != null || this.sslContext != null || this.trustAll
				|| this.certificatePem != null || this.keyStore != null;
	}

	/**
	 * Collects TLS options and rejects contradictory combinations.
	 */
	public static final class Builder {

		private @Nullable Path caPem;

		private @Nullable KeyStore trustStore;

		private @Nullable SSLContext sslContext;

		private boolean trustAll;

		private @Nullable Path certificatePem;

		private @Nullable Path privateKeyPem;

		private @Nullable KeyStore keyStore;

		private char @Nullable [] keyPassword;

		public void trustedCaPem(Path caPem) {
			this.caPem = caPem;
		}

		public void trustStore(KeyStore trustStore) {
			this.trustStore = trustStore;
		}

		public void sslContext(SSLContext sslContext) {
			this.sslContext = sslContext;
		}

		public void trustAll() {
			this.trustAll = true;
		}

		public void clientPem(Path certificatePem, Path privateKeyPem) {
			this.certificatePem = certificatePem;
			this.privateKeyPem = privateKeyPem;
		}

		public void clientKeyStore(KeyStore keyStore, char[] keyPassword) {
			this.keyStore = keyStore;
			this.keyPassword = keyPassword;
		}

		public TlsMaterial build() {
			int trustChoices = count(this.caPem != null, this.trustStore != null, this.trustAll);
			boolean keyChosen = this.certificatePem != null || this.keyStore != null;
			if (this.sslContext != null && (trustChoices > 0 || keyChosen)) {
				throw new IllegalStateException("sslContext(...) excludes trustedCa(...), clientCertificate(...) and "
						+ "insecureTrustAllCertificatesDangerous(); configure them on the SSLContext instead");
			}
			if (trustChoices > 1) {
				throw new IllegalStateException("Choose one of trustedCa(Path), trustedCa(KeyStore) and "
						+ "insecureTrustAllCertificatesDangerous()");
			}
			if (this.certificatePem != null && this.keyStore != null) {
				throw new IllegalStateException(
						"Choose one of clientCertificate(Path, Path) and clientCertificate(KeyStore, char[])");
			}
			return new TlsMaterial(this.caPem, this.trustStore, this.sslContext, this.trustAll, this.certificatePem,
					this.privateKeyPem, this.keyStore, this.keyPassword);
		}

		private static int count(boolean... flags) {
			int count = 0;
			for (boolean flag : flags) {
				count += flag ? 1 : 0;
			}
			return count;
		}

	}

}
