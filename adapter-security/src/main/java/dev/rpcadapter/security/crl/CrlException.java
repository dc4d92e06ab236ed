package dev.rpcadapter.security.crl;

import java.io.Serial;

/**
 * A certificate revocation list cannot be used. The message names the CRL's source
 * (usually its file) and says how to fix the problem; {@link #reason()} classifies it.
 */
public class CrlException extends RuntimeException {

	@Serial
	private static final long serialVersionUID = 1L;

	private final Reason reason;

	private final String source;

	/**
	 * Creates an exception.
	 * @param reason what is wrong
	 * @param source where the CRL came from, e.g. its file path
	 * @param message what is wrong and how to fix it
	 * @param cause the underlying failure, if any
	 */
	public CrlException(Reason reason, String source, String message, Throwable cause) {
		super(message, cause);
		this.reason = reason;
		this.source = source;
	}

	/** @see #CrlException(Reason, String, String, Throwable) */
	public CrlException(Reason reason, String source, String message) {
		super(message);
		this.reason = reason;
		this.source = source;
	}

	/**
	 * @return what is wrong
	 */
	public Reason reason() {
		return this.reason;
	}

	/**
	 * @return where the CRL came from, e.g. its file path
	 */
	public String source() {
		return this.source;
	}

	/**
	 * What can be wrong with a CRL.
	 */
	public enum Reason {

		/** The file is missing or unreadable, or is not a PEM or DER X.509 CRL. */
		UNREADABLE,

		/** No configured CA certificate has the CRL's issuer name. */
		UNKNOWN_ISSUER,

		/**
		 * The CRL's signature does not verify with the public key of the CA that it
		 * names.
		 */
		INVALID_SIGNATURE,

		/**
		 * The CA that the CRL names may not sign CRLs (its key usage lacks
		 * {@code cRLSign}).
		 */
		ISSUER_NOT_ALLOWED_TO_SIGN_CRLS,

		/** The CRL's {@code nextUpdate} has passed. */
		EXPIRED,

		/** The CRL's {@code thisUpdate} lies in the future. */
		NOT_YET_VALID

	}

}
