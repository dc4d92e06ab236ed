package dev.rpcadapter.ca;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CRLException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Reads and writes PEM text: X.509 certificates, PKCS#8 private keys
 * ({@code PRIVATE KEY}; the older {@code EC PRIVATE KEY} and {@code RSA PRIVATE KEY}
 * forms are read too) and CRLs.
 */
public final class Pem {

	private static final Base64.Encoder BASE64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

	private Pem() {
	}

	/**
	 * @return the certificate as a {@code CERTIFICATE} PEM block
	 */
	public static String encode(X509Certificate certificate) {
		try {
			return block("CERTIFICATE", certificate.getEncoded());
		}
		catch (CertificateEncodingException ex) {
			throw new IllegalArgumentException("Cannot encode certificate " + certificate.getSubjectX500Principal(),
					ex);
		}
	}

	/**
	 * @return the key as an unencrypted PKCS#8 {@code PRIVATE KEY} PEM block
	 */
	public static String encode(PrivateKey key) {
		return block("PRIVATE KEY", key.getEncoded());
	}

	/**
	 * @return the CRL as an {@code X509 CRL} PEM block
	 */
	public static String encode(X509CRL crl) {
		try {
			return block("X509 CRL", crl.getEncoded());
		}
		catch (CRLException ex) {
			throw new IllegalArgumentException("Cannot encode CRL of " + crl.getIssuerX500Principal(), ex);
		}
	}

	/**
	 * Reads all certificates of a PEM (or DER) file.
	 * @param file the file
	 * @return the certificates in file order, at least one
	 * @throws IllegalArgumentException when the file holds no readable certificate
	 */
	public static List<X509Certificate> readCertificates(Path file) {
		return readCertificates(readAll(file), file.toString());
	}

	/**
	 * Reads all certificates of PEM text.
	 * @param pem the text
	 * @return the certificates in order, at least one
	 */
	public static List<X509Certificate> readCertificates(String pem) {
		return readCertificates(pem.getBytes(StandardCharsets.US_ASCII), "PEM text");
	}

	/**
	 * Reads the private key of a PEM file ({@code PRIVATE KEY}, {@code EC PRIVATE KEY} or
	 * {@code RSA PRIVATE KEY}; unencrypted).
	 * @param file the file
	 * @return the key
	 */
	public static PrivateKey readPrivateKey(Path file) {
		return readPrivateKey(new String(readAll(file), StandardCharsets.US_ASCII), file.toString());
	}

	/** @see #readPrivateKey(Path) */
	public static PrivateKey readPrivateKey(String pem) {
		return readPrivateKey(pem, "PEM text");
	}

	private static PrivateKey readPrivateKey(String pem, String source) {
		try (PEMParser parser = new PEMParser(new StringReader(pem))) {
			JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
			for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
				if (item instanceof PrivateKeyInfo info) {
					return converter.getPrivateKey(info);
				}
				if (item instanceof PEMKeyPair pair) {
					return converter.getKeyPair(pair).getPrivate();
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("Cannot read private key from " + source + ": " + ex.getMessage(), ex);
		}
		throw new IllegalArgumentException("No unencrypted private key found in " + source
				+ "; expected a PEM block 'PRIVATE KEY', 'EC PRIVATE KEY' or 'RSA PRIVATE KEY'");
	}

	private static List<X509Certificate> readCertificates(byte[] bytes, String source) {
		try {
			List<X509Certificate> certificates = CertificateFactory.getInstance("X.509")
				.generateCertificates(new ByteArrayInputStream(bytes))
				.stream()
				.map(X509Certificate.class::cast)
				.toList();
			if (certificates.isEmpty()) {
				throw new IllegalArgumentException("No certificate found in " + source);
			}
			return certificates;
		}
		catch (CertificateException ex) {
			throw new IllegalArgumentException(
					"Cannot read certificates from " + source + " (expected PEM or DER X.509): " + ex.getMessage(), ex);
		}
	}

	static byte[] readAll(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file.toAbsolutePath(), ex);
		}
	}

	private static String block(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n" + BASE64.encodeToString(der) + "\n-----END " + type + "-----\n";
	}

}
