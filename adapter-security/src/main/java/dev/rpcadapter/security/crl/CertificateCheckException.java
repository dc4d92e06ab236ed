package dev.rpcadapter.security.crl;

import java.io.Serial;

/**
 * A certificate this server relies on is unusable (expired, not yet valid, or revoked).
 * The message names the certificate and says how to fix it.
 */
public class CertificateCheckException extends RuntimeException {

	@Serial
	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception.
	 * @param message what is wrong and how to fix it
	 * @param cause the underlying failure, if any
	 */
	public CertificateCheckException(String message, Throwable cause) {
		super(message, cause);
	}

	/** @see #CertificateCheckException(String, Throwable) */
	public CertificateCheckException(String message) {
		super(message);
	}

}
