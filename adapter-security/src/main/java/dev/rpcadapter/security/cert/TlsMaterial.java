package dev.rpcadapter.security.cert;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Collection;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

import org.jspecify.annotations.Nullable;

/**
 * Builds in-memory key stores, trust managers and {@link SSLContext}s from certificates, so
 * tests and tools can speak TLS and mTLS without key store files.
 */
public final class TlsMaterial {

	private static final char[] NO_PASSWORD = new char[0];

	private TlsMaterial() {
	}

	/**
	 * Returns a PKCS#12 trust store with one trusted certificate entry per certificate.
	 * @param trusted the trust anchors, at least one
	 * @return the key store
	 */
	public static KeyStore trustStore(Collection<X509Certificate> trusted) {
		if (trusted.isEmpty()) {
			throw new IllegalArgumentException("A trust store needs at least one trusted certificate");
		}
		try {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(null, NO_PASSWORD);
			int index = 0;
			for (X509Certificate certificate : trusted) {
				store.setCertificateEntry("trusted-" + index++, certificate);
			}
			return store;
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException("Cannot build a trust store: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Returns the platform's PKIX trust manager for the given trust anchors. It validates chains
	 * and signatures but does not check revocation; wrap it with
	 * {@code RevocationTrustManagers} for that.
	 * @param trusted the trust anchors
	 * @return the trust manager
	 */
	public static X509ExtendedTrustManager trustManager(Collection<X509Certificate> trusted) {
		try {
			TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
			factory.init(trustStore(trusted));
			for (TrustManager manager : factory.getTrustManagers()) {
				if (manager instanceof X509ExtendedTrustManager x509) {
					return x509;
				}
			}
			throw new IllegalStateException("The PKIX trust manager factory returned no X509ExtendedTrustManager");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot build a trust manager: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Returns key managers presenting the given certificate and key.
	 * @param identity the certificate to present
	 * @return the key managers
	 */
	public static KeyManager[] keyManagers(IssuedCertificate identity) {
		try {
			KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			factory.init(identity.toKeyStore("identity", NO_PASSWORD), NO_PASSWORD);
			return factory.getKeyManagers();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot build key managers: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Returns an initialised TLS context.
	 * @param identity the certificate this side presents, or {@code null} for none
	 * @param trustManager decides which peer certificates are trusted
	 * @return the context
	 */
	public static SSLContext sslContext(@Nullable IssuedCertificate identity, X509ExtendedTrustManager trustManager) {
		try {
			SSLContext context = SSLContext.getInstance("TLS");
			KeyManager[] keyManagers = (identity != null) ? keyManagers(identity) : null;
			context.init(keyManagers, new TrustManager[] { trustManager }, null);
			return context;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot build a TLS context: " + ex.getMessage(), ex);
		}
	}

}
