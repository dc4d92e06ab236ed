package dev.rpcadapter.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads X.509 certificates and unencrypted PKCS#8 private keys from PEM files.
 */
final class PemFiles {

	private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([^-]*)-----END \\1-----");

	private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS");

	private PemFiles() {
	}

	/**
	 * @param file a PEM file with one or more {@code CERTIFICATE} blocks
	 * @return the certificates in file order
	 * @throws IllegalArgumentException if the file is unreadable or holds no certificate
	 */
	public static List<X509Certificate> readCertificates(Path file) {
		List<X509Certificate> certificates = new ArrayList<>();
		for (Block block : blocks(file)) {
			if (block.type().equals("CERTIFICATE")) {
				certificates.add(parseCertificate(block.der(), file));
			}
		}
		if (certificates.isEmpty()) {
			throw new IllegalArgumentException("No -----BEGIN CERTIFICATE----- block in " + file);
		}
		return certificates;
	}

	/**
	 * @param file a PEM file with a {@code PRIVATE KEY} (PKCS#8) block
	 * @return the key (RSA, EC, Ed25519, Ed448)
	 * @throws IllegalArgumentException if there is no usable key, with the fix in the
	 * message
	 */
	public static PrivateKey readPrivateKey(Path file) {
		for (Block block : blocks(file)) {
			switch (block.type()) {
				case "PRIVATE KEY" -> {
					return parsePkcs8(block.der(), file);
				}
				case "RSA PRIVATE KEY",
						"EC PRIVATE KEY" ->
					throw new IllegalArgumentException(
							file + " holds a " + block.type() + " (PKCS#1/SEC1); convert it to PKCS#8 with "
									+ "'openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem'");
				case "ENCRYPTED PRIVATE KEY" -> throw new IllegalArgumentException(file + " holds an encrypted key; "
						+ "decrypt it ('openssl pkcs8 -topk8 -nocrypt') or use clientCertificate(KeyStore, char[])");
				default -> {
				}
			}
		}
		throw new IllegalArgumentException("No -----BEGIN PRIVATE KEY----- block in " + file);
	}

	private static X509Certificate parseCertificate(byte[] der, Path file) {
		try {
			return (X509Certificate) CertificateFactory.getInstance("X.509")
				.generateCertificate(new ByteArrayInputStream(der));
		}
		catch (CertificateException ex) {
			throw new IllegalArgumentException("Invalid certificate in " + file + ": " + ex.getMessage(), ex);
		}
	}

	private static PrivateKey parsePkcs8(byte[] der, Path file) {
		PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
		for (String algorithm : KEY_ALGORITHMS) {
			try {
				return KeyFactory.getInstance(algorithm).generatePrivate(spec);
			}
			catch (GeneralSecurityException ex) {
				// try the next algorithm
			}
		}
		throw new IllegalArgumentException("Unsupported or invalid PKCS#8 private key in " + file + " (supported: "
				+ String.join(", ", KEY_ALGORITHMS) + ")");
	}

	private static List<Block> blocks(Path file) {
		String text;
		try {
			text = Files.readString(file, StandardCharsets.US_ASCII);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("Cannot read PEM file " + file + ": " + ex.getMessage(),
					new UncheckedIOException(ex));
		}
		List<Block> blocks = new ArrayList<>();
		Matcher matcher = BLOCK.matcher(text);
		while (matcher.find()) {
			try {
				blocks.add(new Block(matcher.group(1), Base64.getMimeDecoder().decode(matcher.group(2))));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("Invalid base64 in " + matcher.group(1) + " block of " + file, ex);
			}
		}
		return blocks;
	}

	private record Block(String type, byte[] der) {
	}

}
