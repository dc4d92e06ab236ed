package dev.rpcadapter.web.netty;

import org.jspecify.annotations.Nullable;

/**
 * One byte range of a {@code Range} header (RFC 9110 §14), resolved against the content
 * length.
 *
 * @param start the first byte
 * @param length how many bytes
 */
record ByteRange(long start, long length) {

	/** Marks a range that cannot be satisfied (416). */
	static final ByteRange UNSATISFIABLE = new ByteRange(-1, -1);

	/**
	 * The range asked for: {@code null} for the whole content (no header, a syntax this
	 * server ignores, or several ranges, which RFC 9110 lets a server answer with the
	 * whole content), or {@link #UNSATISFIABLE}.
	 */
	static @Nullable ByteRange parse(@Nullable String header, long size) {
		if (header == null || !header.startsWith("bytes=") || header.indexOf(',') >= 0) {
			return null;
		}
		String spec = header.substring(6).trim();
		int dash = spec.indexOf('-');
		if (dash < 0) {
			return null;
		}
		try {
			String first = spec.substring(0, dash).trim();
			String last = spec.substring(dash + 1).trim();
			if (first.isEmpty()) {
				long suffix = Long.parseLong(last);
				return (suffix <= 0 || size == 0) ? UNSATISFIABLE
						: new ByteRange(Math.max(0, size - suffix), Math.min(suffix, size));
			}
			long start = Long.parseLong(first);
			long end = last.isEmpty() ? size - 1 : Math.min(Long.parseLong(last), size - 1);
			if (start < 0 || (!last.isEmpty() && Long.parseLong(last) < start)) {
				return null;
			}
			return (start >= size) ? UNSATISFIABLE : new ByteRange(start, end - start + 1);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** The {@code Content-Range} value for this range of {@code size} bytes. */
	String contentRange(long size) {
		return "bytes " + this.start + "-" + (this.start + this.length - 1) + "/" + size;
	}
}
