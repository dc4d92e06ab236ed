package dev.rpcadapter.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads the HTML template of the docs page from the starter's resources. */
final class DocsTemplate {

	private static final String LOCATION = "/dev/rpcadapter/autoconfigure/web/docs.html";

	private DocsTemplate() {
	}

	static String load() {
		try (InputStream in = DocsTemplate.class.getResourceAsStream(LOCATION)) {
			if (in == null) {
				throw new IllegalStateException("Missing resource " + LOCATION + " in adapter-starter");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
