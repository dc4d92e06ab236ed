package dev.rpcadapter.security.crl;

import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Collection;
import java.util.List;

/**
 * CRLs whose signatures have been verified against the CA certificates that issued them,
 * used to check certificates for revocation.
 * <p>
 * Every CRL must be signed by one of the given CA certificates: a CRL is matched to its
 * CA by name <em>and</em> its signature verified with that CA's public key, so a CRL
 * forged under a CA's name is rejected. {@link #check(X509Certificate)} fails closed: a
 * certificate whose issuer has no CRL here, or whose CRL has expired, is rejected.
 */
public interface CrlSet extends RevocationChecker {

	/**
	 * Verifies CRLs against their issuers.
	 * @param crls the CRLs with a description of where each came from
	 * @param issuers the CA certificates that may have signed them
	 * @param clock decides when a CRL has expired
	 * @return the verified set
	 * @throws CrlException when a CRL has no matching CA, or its signature does not
	 * verify
	 */
	static CrlSet of(List<SourcedCrl> crls, Collection<X509Certificate> issuers, Clock clock) {
		return VerifiedCrlSet.verify(crls, issuers, clock);
	}

	/**
	 * Loads and verifies the CRLs of a PEM or DER file.
	 * @param crlFile the CRL file
	 * @param issuers the CA certificates that may have signed them
	 * @param clock decides when a CRL has expired
	 * @return the verified set
	 * @throws CrlException when the file cannot be read or a CRL cannot be verified
	 */
	static CrlSet load(Path crlFile, Collection<X509Certificate> issuers, Clock clock) {
		String source = crlFile.toAbsolutePath().toString();
		List<SourcedCrl> crls = Crls.load(crlFile).stream().map((crl) -> new SourcedCrl(crl, source)).toList();
		return of(crls, issuers, clock);
	}

	/**
	 * Returns whether a CRL from the certificate's issuer is in this set.
	 * @param certificate a certificate
	 * @return whether {@link #check(X509Certificate)} can decide its status
	 */
	boolean covers(X509Certificate certificate);

	/**
	 * @return the verified CRLs
	 */
	List<SourcedCrl> crls();

	/**
	 * Checks that every CRL is current: issued in the past and its {@code nextUpdate} not
	 * passed.
	 * @throws CrlException ({@link CrlException.Reason#EXPIRED} or
	 * {@link CrlException.Reason#NOT_YET_VALID}) naming the CRL and how to fix it
	 */
	void checkCurrent();

	/**
	 * A CRL and where it came from.
	 *
	 * @param crl the CRL
	 * @param source where it came from, e.g. its file path; used in messages
	 */
	record SourcedCrl(X509CRL crl, String source) {
	}

}
