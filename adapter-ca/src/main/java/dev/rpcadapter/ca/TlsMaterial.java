package dev.rpcadapter.ca;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Collection;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

import dev.rpcadapter.security.cert.TrustAnchors;
import org.jspecify.annotations.Nullable;

/**
 * Builds in-memory key stores, trust managers and {@link SSLContext}s from certificates,
 * so tests and tools can speak TLS and mTLS without key store files.
 */
public final class TlsMaterial {

	private static final char[] NO_PASSWORD = new char[0];

	private TlsMaterial() {
	}

	/**
	 * Returns a PKCS#12 trust store with one trusted certificate entry per certificate.
	 * @param trusted the trusted certificates
	 * @return the trust store
	 * @see TrustAnchors#trustStore(Collection)
	 */
	public static KeyStore trustStore(Collection<X509Certificate> trusted) {
		return TrustAnchors.trustStore(trusted);
	}

	/**
	 * Returns a PKIX trust manager that trusts the given certificates.
	 * @param trusted the trusted certificates
	 * @return the trust manager
	 * @see TrustAnchors#trustManager(Collection)
	 */
	public static X509ExtendedTrustManager trustManager(Collection<X509Certificate> trusted) {
		return TrustAnchors.trustManager(trusted);
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
