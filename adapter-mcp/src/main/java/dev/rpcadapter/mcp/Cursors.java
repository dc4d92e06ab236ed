package dev.rpcadapter.mcp;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

/**
 * Opaque paging cursors (an encoded offset); a cursor the server did not issue is invalid
 * params.
 */
final class Cursors {

	private static final String PREFIX = "o:";

	private Cursors() {
	}

	static String of(int offset) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
	}

	static int offset(@Nullable String cursor, int size) {
		if (cursor == null) {
			return 0;
		}
		try {
			String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			int offset = text.startsWith(PREFIX) ? Integer.parseInt(text.substring(PREFIX.length())) : -1;
			if (offset >= 0) {
				return Math.min(offset, size);
			}
		}
		catch (IllegalArgumentException ex) {
			// falls through to the error
		}
		throw McpException.invalidParams("Invalid cursor");
	}

}
