package dev.rpcadapter.ca;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * What a new certificate revocation list should contain.
 *
 * @param revokedSerials serial numbers of the revoked certificates (may be empty)
 * @param thisUpdate when the CRL was issued
 * @param nextUpdate when the CRL expires; may lie in the past to create an expired CRL
 */
public record CrlRequest(List<BigInteger> revokedSerials, Instant thisUpdate, Instant nextUpdate) {

	/** How long a CRL is valid when no validity is given. */
	public static final Duration DEFAULT_VALIDITY = Duration.ofDays(30);

	public CrlRequest {
		revokedSerials = List.copyOf(revokedSerials);
		if (!nextUpdate.isAfter(thisUpdate)) {
			throw new IllegalArgumentException(
					"CRL nextUpdate (" + nextUpdate + ") must be after thisUpdate (" + thisUpdate + ")");
		}
	}

	/**
	 * Returns a request revoking the given serial numbers, issued a few minutes ago and
	 * valid for {@link #DEFAULT_VALIDITY}.
	 * @param serials serial numbers to revoke, possibly none
	 * @return the request
	 */
	public static CrlRequest revoking(Collection<BigInteger> serials) {
		Instant now = Instant.now();
		return new CrlRequest(List.copyOf(serials), now.minus(CertificateRequest.BACKDATE), now.plus(DEFAULT_VALIDITY));
	}

	/** @see #revoking(Collection) */
	public static CrlRequest revoking(BigInteger... serials) {
		return revoking(List.of(serials));
	}

	/**
	 * @return a copy issued a few minutes ago, valid for the given duration
	 */
	public CrlRequest withValidity(Duration validity) {
		Instant now = Instant.now();
		return new CrlRequest(this.revokedSerials, now.minus(CertificateRequest.BACKDATE), now.plus(validity));
	}

	/**
	 * @return a copy with the given update window
	 */
	public CrlRequest withUpdateWindow(Instant thisUpdate, Instant nextUpdate) {
		return new CrlRequest(this.revokedSerials, thisUpdate, nextUpdate);
	}

}
