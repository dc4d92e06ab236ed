package dev.rpcadapter.security.crl;

import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Collection;

/**
 * Decides whether a certificate has been revoked. Implementations fail closed: when they
 * cannot tell (no current CRL for the issuer), they throw.
 */
@FunctionalInterface
public interface RevocationChecker {

	/**
	 * Checks a certificate.
	 * @param certificate the certificate, whose chain has already been validated
	 * @throws java.security.cert.CertificateRevokedException when it is revoked
	 * @throws CertificateException when its revocation status cannot be established
	 */
	void check(X509Certificate certificate) throws CertificateException;

	/**
	 * Returns a checker backed by a CRL file that is reloaded (and re-verified) whenever
	 * the file changes. The file is loaded once now, so a bad file fails at startup.
	 * @param crlFile a PEM or DER CRL file
	 * @param issuers the CA certificates that may sign the CRLs
	 * @param clock decides when a CRL has expired
	 * @return the checker
	 * @throws CrlException when the file cannot be loaded now
	 */
	static RevocationChecker reloadingCrlFile(Path crlFile, Collection<X509Certificate> issuers, Clock clock) {
		return new ReloadingCrlChecker(crlFile, issuers, clock, java.time.Duration.ZERO);
	}

	/**
	 * Like {@link #reloadingCrlFile(Path, Collection, Clock)}, but looks at the file at
	 * most once per {@code lookInterval} (a server checking every request needs no more
	 * than once a second).
	 */
	static RevocationChecker reloadingCrlFile(Path crlFile, Collection<X509Certificate> issuers, Clock clock,
			java.time.Duration lookInterval) {
		return new ReloadingCrlChecker(crlFile, issuers, clock, lookInterval);
	}

}
