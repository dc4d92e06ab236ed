package dev.rpcadapter.transfer;

/** Checks file names given by callers. */
final class Names {

	private static final int MAX = 255;

	private Names() {
	}

	/**
	 * The name without directories; {@code -32602} when empty, too long or with control
	 * characters.
	 */
	static String check(String raw) {
		String name = raw.substring(Math.max(raw.lastIndexOf('/'), raw.lastIndexOf('\\')) + 1);
		if (name.isEmpty() || name.equals(".") || name.equals("..")) {
			throw TransferErrors.invalid("name", "must be a file name");
		}
		if (name.length() > MAX) {
			throw TransferErrors.invalid("name", "must be at most " + MAX + " characters");
		}
		if (name.chars().anyMatch((c) -> c < 0x20 || c == 0x7f || c == '"')) {
			throw TransferErrors.invalid("name", "must not contain control characters or quotes");
		}
		return name;
	}

	static String checkSha256(String sha) {
		if (!sha.matches("[0-9a-fA-F]{64}")) {
			throw TransferErrors.invalid("sha256", "must be 64 hex digits");
		}
		return sha.toLowerCase(java.util.Locale.ROOT);
	}

}
