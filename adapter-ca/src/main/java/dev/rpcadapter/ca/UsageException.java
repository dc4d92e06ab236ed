package dev.rpcadapter.ca;

import java.io.Serial;

/**
 * Bad command-line input for {@link CertificateToolCli}.
 */
final class UsageException extends Exception {

	@Serial
	private static final long serialVersionUID = 1L;

	UsageException(String message) {
		super(message);
	}

}
