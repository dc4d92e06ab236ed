package dev.rpcadapter.security.crl;

import java.security.cert.X509Certificate;
import java.util.Collection;

import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

import dev.rpcadapter.security.cert.TrustAnchors;

/**
 * Trust managers that reject revoked certificates during the TLS handshake, after the
 * normal chain validation. This does not use the JDK's {@code PKIXRevocationChecker}, so
 * it needs no network access (no OCSP, no CRL distribution points) and reads only the
 * configured CRLs.
 */
public final class RevocationTrustManagers {

	private RevocationTrustManagers() {
	}

	/**
	 * Wraps a trust manager: chains are validated by the delegate, then the peer's
	 * certificate is checked for revocation; a revoked or unknown one is rejected with a
	 * {@link java.security.cert.CertificateException}.
	 * @param delegate validates chains (signatures, validity, trust anchors)
	 * @param checker decides revocation
	 * @return the wrapping trust manager
	 */
	public static X509ExtendedTrustManager wrap(X509ExtendedTrustManager delegate, RevocationChecker checker) {
		return new RevocationCheckingTrustManager(delegate, checker);
	}

	/**
	 * Returns a PKIX trust manager for the given CA certificates that also checks
	 * revocation.
	 * @param trustedCas the trust anchors
	 * @param checker decides revocation
	 * @return the trust manager
	 */
	public static X509ExtendedTrustManager forCas(Collection<X509Certificate> trustedCas, RevocationChecker checker) {
		return wrap(TrustAnchors.trustManager(trustedCas), checker);
	}

	/**
	 * Wraps a trust manager factory (e.g. one from a Spring Boot SSL bundle) so that
	 * every X.509 trust manager it returns also checks revocation.
	 * @param delegate the factory to wrap; initialising the wrapper initialises it
	 * @param checker decides revocation
	 * @return the wrapping factory
	 */
	public static TrustManagerFactory wrap(TrustManagerFactory delegate, RevocationChecker checker) {
		return new RevocationCheckingTrustManagerFactory(delegate, checker);
	}

}
