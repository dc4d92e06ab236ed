package dev.rpcadapter.security.cert;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Collection;

import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * In-memory trust stores and PKIX trust managers for a set of trusted (CA) certificates.
 */
public final class TrustAnchors {

	private static final char[] NO_PASSWORD = new char[0];

	private TrustAnchors() {
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
	 * Returns the platform's PKIX trust manager for the given trust anchors. It validates
	 * chains and signatures but does not check revocation; wrap it with
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

}
