package dev.rpcadapter.security.crl;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Checks to run at startup, so a server with an unusable certificate or CRL refuses to
 * start with a clear message instead of failing handshakes later.
 */
public final class CertificateChecks {

	private CertificateChecks() {
	}

	/**
	 * Checks the server's own certificate and the configured CRLs: the certificate is
	 * within its validity, every CRL is current, and — when a CRL covers the
	 * certificate's issuer — the certificate is not revoked.
	 * @param certificate the server certificate
	 * @param source where it came from, e.g. its file or SSL bundle name; used in
	 * messages
	 * @param crls the configured CRLs, or {@code null} when none are configured
	 * @param clock the current time
	 * @throws CertificateCheckException when the certificate is expired, not yet valid or
	 * revoked
	 * @throws CrlException when a CRL is expired or not yet valid
	 */
	public static void checkServer(X509Certificate certificate, String source, @Nullable CrlSet crls, Clock clock) {
		checkValidity(certificate, source, clock);
		if (crls != null) {
			crls.checkCurrent();
			if (crls.covers(certificate)) {
				checkNotRevoked(certificate, source, crls);
			}
		}
	}

	/**
	 * Checks that a certificate is within its validity period.
	 * @param certificate the certificate
	 * @param source where it came from; used in messages
	 * @param clock the current time
	 * @throws CertificateCheckException when it is expired or not yet valid
	 */
	public static void checkValidity(X509Certificate certificate, String source, Clock clock) {
		Instant now = clock.instant();
		String subject = "Certificate '" + certificate.getSubjectX500Principal() + "' (" + source + ")";
		if (now.isAfter(certificate.getNotAfter().toInstant())) {
			throw new CertificateCheckException(subject + " expired at " + certificate.getNotAfter().toInstant()
					+ "; issue a new certificate and configure it");
		}
		if (now.isBefore(certificate.getNotBefore().toInstant())) {
			throw new CertificateCheckException(subject + " is not valid before "
					+ certificate.getNotBefore().toInstant() + "; check the system clock or reissue the certificate");
		}
	}

	/**
	 * Checks that a certificate is not revoked.
	 * @param certificate the certificate
	 * @param source where it came from; used in messages
	 * @param checker decides revocation
	 * @throws CertificateCheckException when it is revoked or its status is unknown
	 */
	public static void checkNotRevoked(X509Certificate certificate, String source, RevocationChecker checker) {
		try {
			checker.check(certificate);
		}
		catch (CertificateException ex) {
			throw new CertificateCheckException("Certificate '" + certificate.getSubjectX500Principal() + "' (" + source
					+ ", serial " + certificate.getSerialNumber().toString(16) + ") failed the revocation check: "
					+ ex.getMessage() + "; issue a new certificate or use a CRL that does not revoke it", ex);
		}
	}

}
