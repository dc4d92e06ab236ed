package dev.rpcadapter.security.crl;

import java.security.GeneralSecurityException;
import java.security.cert.CRLReason;
import java.security.cert.CertificateException;
import java.security.cert.CertificateRevokedException;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;

import dev.rpcadapter.support.BoundedMemo;
import org.jspecify.annotations.Nullable;

/**
 * The {@link CrlSet} implementation: immutable (but for a memo of certificates found not
 * revoked), safe for concurrent use.
 */
final class VerifiedCrlSet implements CrlSet {

	private static final int KEY_USAGE_CRL_SIGN = 6;

	private final List<SourcedCrl> crls;

	private final Clock clock;

	/**
	 * How many certificates found not revoked are remembered (a server sees few distinct
	 * clients).
	 */
	static final int MAX_REMEMBERED = 1024;

	private final BoundedMemo<X509Certificate, SourcedCrl> notRevoked = new BoundedMemo<>(MAX_REMEMBERED);

	private VerifiedCrlSet(List<SourcedCrl> crls, Clock clock) {
		this.crls = List.copyOf(crls);
		this.clock = clock;
	}

	static VerifiedCrlSet verify(List<SourcedCrl> crls, Collection<X509Certificate> issuers, Clock clock) {
		for (SourcedCrl crl : crls) {
			verifySignature(crl, issuers);
		}
		return new VerifiedCrlSet(crls, clock);
	}

	private static void verifySignature(SourcedCrl sourced, Collection<X509Certificate> issuers) {
		X509CRL crl = sourced.crl();
		X509Certificate issuer = issuers.stream()
			.filter((candidate) -> candidate.getSubjectX500Principal().equals(crl.getIssuerX500Principal()))
			.findFirst()
			.orElseThrow(() -> new CrlException(CrlException.Reason.UNKNOWN_ISSUER, sourced.source(),
					"CRL " + sourced.source() + " is issued by '" + crl.getIssuerX500Principal()
							+ "' but no configured CA certificate has that subject; configure the CA certificate "
							+ "that signed this CRL, or use the CRL of the configured CA"));
		boolean[] keyUsage = issuer.getKeyUsage();
		if (keyUsage != null && (keyUsage.length <= KEY_USAGE_CRL_SIGN || !keyUsage[KEY_USAGE_CRL_SIGN])) {
			throw new CrlException(CrlException.Reason.ISSUER_NOT_ALLOWED_TO_SIGN_CRLS, sourced.source(),
					"CRL " + sourced.source() + " names CA '" + issuer.getSubjectX500Principal()
							+ "' whose key usage does not include cRLSign; issue CRLs with a CA that may sign them");
		}
		try {
			crl.verify(issuer.getPublicKey());
		}
		catch (GeneralSecurityException ex) {
			throw new CrlException(CrlException.Reason.INVALID_SIGNATURE, sourced.source(),
					"CRL " + sourced.source() + " claims to be issued by '" + crl.getIssuerX500Principal()
							+ "' but its signature does not verify with that CA's key (" + ex.getMessage()
							+ "); it was signed by a different key — regenerate the CRL with the configured CA's key",
					ex);
		}
	}

	@Override
	public boolean covers(X509Certificate certificate) {
		return this.crls.stream()
			.anyMatch((sourced) -> sourced.crl().getIssuerX500Principal().equals(certificate.getIssuerX500Principal()));
	}

	@Override
	public List<SourcedCrl> crls() {
		return this.crls;
	}

	@Override
	public void checkCurrent() {
		Instant now = this.clock.instant();
		for (SourcedCrl sourced : this.crls) {
			CrlException.Reason problem = currentnessProblem(sourced.crl(), now);
			if (problem != null) {
				throw new CrlException(problem, sourced.source(), "CRL " + sourced.source() + " "
						+ describe(problem, sourced.crl()) + "; publish a fresh CRL from the CA and replace the file");
			}
		}
	}

	@Override
	public void check(X509Certificate certificate) throws CertificateException {
		// a certificate this set found not revoked stays so (the set is immutable): only
		// the CRL's
		// currentness, which depends on the clock, is checked again
		SourcedCrl known = this.notRevoked.get(certificate);
		SourcedCrl sourced = (known != null) ? known : crlFor(certificate);
		CrlException.Reason problem = currentnessProblem(sourced.crl(), this.clock.instant());
		if (problem != null) {
			throw new CertificateException("Revocation status of '" + certificate.getSubjectX500Principal()
					+ "' is unknown: CRL " + sourced.source() + " " + describe(problem, sourced.crl()));
		}
		if (known != null) {
			return;
		}
		X509CRLEntry entry = sourced.crl().getRevokedCertificate(certificate);
		if (entry != null) {
			throw revoked(entry, sourced.crl());
		}
		this.notRevoked.put(certificate, sourced);
	}

	private SourcedCrl crlFor(X509Certificate certificate) throws CertificateException {
		for (SourcedCrl sourced : this.crls) {
			if (sourced.crl().getIssuerX500Principal().equals(certificate.getIssuerX500Principal())) {
				return sourced;
			}
		}
		throw new CertificateException("Revocation status of '" + certificate.getSubjectX500Principal()
				+ "' is unknown: no CRL from its issuer '" + certificate.getIssuerX500Principal() + "' is configured");
	}

	private static CrlException.@Nullable Reason currentnessProblem(X509CRL crl, Instant now) {
		Date nextUpdate = crl.getNextUpdate();
		if (nextUpdate != null && !now.isBefore(nextUpdate.toInstant())) {
			return CrlException.Reason.EXPIRED;
		}
		if (now.isBefore(crl.getThisUpdate().toInstant())) {
			return CrlException.Reason.NOT_YET_VALID;
		}
		return null;
	}

	private static String describe(CrlException.Reason problem, X509CRL crl) {
		if (problem == CrlException.Reason.EXPIRED) {
			return "expired at " + crl.getNextUpdate().toInstant() + " (its nextUpdate)";
		}
		return "is not valid before " + crl.getThisUpdate().toInstant() + " (its thisUpdate); check the clocks";
	}

	private static CertificateRevokedException revoked(X509CRLEntry entry, X509CRL crl) {
		CRLReason reason = (entry.getRevocationReason() != null) ? entry.getRevocationReason() : CRLReason.UNSPECIFIED;
		return new CertificateRevokedException(entry.getRevocationDate(), reason, crl.getIssuerX500Principal(),
				Map.of());
	}

}
