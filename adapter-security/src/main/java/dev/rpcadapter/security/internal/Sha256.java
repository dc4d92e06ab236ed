package dev.rpcadapter.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 digests of strings.
 */
public final class Sha256 {

	private Sha256() {
	}

	/**
	 * Returns the SHA-256 digest of the UTF-8 bytes of a string.
	 * @param value the string
	 * @return 32 bytes
	 */
	public static byte[] digest(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required by every Java platform", ex);
		}
	}

	/**
	 * Returns the lower-case hex SHA-256 digest of the UTF-8 bytes of a string.
	 * @param value the string
	 * @return 64 hex characters
	 */
	public static String hex(String value) {
		return HexFormat.of().formatHex(digest(value));
	}

}
