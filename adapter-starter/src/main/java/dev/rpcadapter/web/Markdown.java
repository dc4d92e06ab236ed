package dev.rpcadapter.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The inline Markdown that command descriptions use, rendered as HTML after escaping
 * everything: {@code `code`}, {@code **bold**} and {@code *emphasis*}. Nothing else (no
 * links, no raw HTML), so a description can never inject markup.
 */
final class Markdown {

	private static final Pattern CODE = Pattern.compile("`([^`]+)`");

	private static final Pattern BOLD = Pattern.compile("\\*\\*([^*]+)\\*\\*");

	private static final Pattern EMPHASIS = Pattern.compile("(?<![\\w*])\\*([^*\\s][^*]*)\\*(?![\\w*])");

	private Markdown() {
	}

	static String inline(String text) {
		String escaped = DocsPage.escape(text);
		StringBuilder out = new StringBuilder(escaped.length() + 16);
		Matcher code = CODE.matcher(escaped);
		int from = 0;
		while (code.find()) {
			// text between code spans gets bold/emphasis; code spans are shown as they
			// are
			out.append(emphasis(escaped.substring(from, code.start())));
			out.append("<code>").append(code.group(1)).append("</code>");
			from = code.end();
		}
		return out.append(emphasis(escaped.substring(from))).toString();
	}

	private static String emphasis(String escaped) {
		String bold = BOLD.matcher(escaped).replaceAll("<strong>$1</strong>");
		return EMPHASIS.matcher(bold).replaceAll("<em>$1</em>");
	}

}
