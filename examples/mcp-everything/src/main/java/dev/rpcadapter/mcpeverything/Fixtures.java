package dev.rpcadapter.mcpeverything;

import java.util.Base64;

/** Small binary fixtures: a 1x1 red PNG and a short silent WAV. */
final class Fixtures {

	static final byte[] PNG = Base64.getDecoder()
		.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

	static final byte[] WAV = Base64.getDecoder()
		.decode("UklGRiQAAABXQVZFZm10IBAAAAABAAEAQB8AAEAfAAABAAgAZGF0YQAAAAA=");

	private Fixtures() {
	}

}
